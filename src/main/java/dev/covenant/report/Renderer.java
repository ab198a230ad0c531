package dev.covenant.report;

import dev.covenant.finding.Report;
import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. Renderers only read the report; they never evaluate. */
public interface Renderer {

    void render(Report report, Writer out) throws IOException;
}
