package dev.covenant.verify.report;

import dev.covenant.verify.Coverage;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.io.Writer;

/** Writes the outcome of {@code covenant test} in one format; {@code coverage} is null unless asked for. */
public interface TestRenderer {

    void render(FixtureRun run, Coverage coverage, Writer out) throws IOException;
}
