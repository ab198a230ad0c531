package dev.covenant.report;

import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.source.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code covenant check --format junit}: for CI test tabs, one failed testcase per scenario and rule that
 * fired (the findings as its body), one passed testcase per scenario without findings, and one error
 * per scenario that could not be evaluated.
 */
public final class CheckJunitRenderer implements Renderer {

    public static final String NAME = "junit";

    @Override
    public void render(Report report, Writer out) throws IOException {
        List<JunitXml.Case> cases = new ArrayList<>();
        for (Diagnostic d : report.ruleDiagnostics()) {
            cases.add(new JunitXml.Case("rules", line(d.where().location()), line(d.where().file()), null, JunitXml.Outcome.ERROR,
                    "rule diagnostic", line(d.format())));
        }
        for (Diagnostic d : report.inputDiagnostics()) {
            cases.add(new JunitXml.Case("inputs", line(d.where().location()), line(d.where().file()), null, JunitXml.Outcome.ERROR,
                    "input diagnostic", line(d.format())));
        }
        for (ScenarioResult r : report.results()) {
            String classname = line(r.scenarioId() == null ? r.file() : r.scenarioId());
            String file = line(r.file());
            if (r.status() != ScenarioResult.Status.EVALUATED) {
                StringBuilder body = new StringBuilder();
                r.diagnostics().forEach(d -> body.append(line(d.format())).append('\n'));
                if (r.error() != null) {
                    body.append(file).append(": error: ").append(line(r.error())).append('\n');
                }
                cases.add(new JunitXml.Case(classname, "evaluation", file, null, JunitXml.Outcome.ERROR,
                        r.status() == ScenarioResult.Status.INVALID ? "invalid scenario" : "evaluation failed", body.toString()));
                continue;
            }
            if (r.findings().isEmpty()) {
                cases.add(new JunitXml.Case(classname, "no findings", file, null, JunitXml.Outcome.PASSED, null, null));
            }
            List<String> seen = new ArrayList<>();
            for (Finding f : r.findings()) {
                if (seen.contains(f.ruleId())) {
                    continue;
                }
                seen.add(f.ruleId());
                StringBuilder body = new StringBuilder();
                for (Finding same : r.findings()) {
                    if (!same.ruleId().equals(f.ruleId())) {
                        continue;
                    }
                    body.append(line(same.message())).append('\n').append("cites: ").append(line(String.join("; ", same.citations()))).append('\n');
                    for (Evidence e : same.evidence()) {
                        body.append("  ").append(line(e.span().location())).append("  ").append(line(e.kind())).append(' ').append(line(e.id())).append('\n');
                    }
                }
                cases.add(new JunitXml.Case(classname, line(f.ruleId()), file, null, JunitXml.Outcome.FAILED,
                        f.severity().key() + ": " + line(f.title()), body.toString()));
            }
        }
        JunitXml.write("covenant check", cases, null, out);
    }

    /** A body is lines, one datum each, as in the text report: a newline in a message cannot add a line of its own. */
    private static String line(String datum) {
        return Inert.field(datum);
    }
}
