package dev.covenant.verify.report;

import dev.covenant.report.JunitXml;
import dev.covenant.verify.Coverage;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** {@code covenant test --format junit}: one testcase per fixture, failures and errors with the differences. */
public final class JunitXmlRenderer implements TestRenderer {

    public static final String NAME = "junit";

    @Override
    public void render(FixtureRun run, Coverage coverage, Writer out) throws IOException {
        List<JunitXml.Case> cases = run.outcomes().stream().map(o -> {
            int slash = o.file().lastIndexOf('/');
            String classname = slash < 0 ? "fixtures" : o.file().substring(0, slash).replace('/', '.');
            String name = o.file().substring(slash + 1) + (o.scenarioId() == null ? "" : " (" + o.scenarioId() + ")");
            return switch (o.status()) {
                case PASS -> new JunitXml.Case(classname, name, o.file(), o.nanos() / 1e9, JunitXml.Outcome.PASSED, null, null);
                case FAIL -> new JunitXml.Case(classname, name, o.file(), o.nanos() / 1e9, JunitXml.Outcome.FAILED,
                        "findings differ from expect:", Differences.describe(o));
                case ERROR -> new JunitXml.Case(classname, name, o.file(), o.nanos() / 1e9, JunitXml.Outcome.ERROR,
                        "scenario could not be evaluated", Differences.describe(o));
                case SKIP -> new JunitXml.Case(classname, name, o.file(), o.nanos() / 1e9, JunitXml.Outcome.SKIPPED,
                        "no expect: block", null);
            };
        }).toList();
        JunitXml.write("covenant fixtures", cases, run.nanos() / 1e9, out);
    }
}
