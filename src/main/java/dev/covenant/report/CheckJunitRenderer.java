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
            cases.add(new JunitXml.Case("rules", d.where().location(), d.where().file(), null, JunitXml.Outcome.ERROR,
                    "rule diagnostic", d.format()));
        }
        for (Diagnostic d : report.inputDiagnostics()) {
            cases.add(new JunitXml.Case("inputs", d.where().location(), d.where().file(), null, JunitXml.Outcome.ERROR,
                    "input diagnostic", d.format()));
        }
        for (ScenarioResult r : report.results()) {
            String classname = r.scenarioId() == null ? r.file() : r.scenarioId();
            if (r.status() != ScenarioResult.Status.EVALUATED) {
                StringBuilder body = new StringBuilder();
                r.diagnostics().forEach(d -> body.append(d.format()).append('\n'));
                if (r.error() != null) {
                    body.append(r.file()).append(": error: ").append(r.error()).append('\n');
                }
                cases.add(new JunitXml.Case(classname, "evaluation", r.file(), null, JunitXml.Outcome.ERROR,
                        r.status() == ScenarioResult.Status.INVALID ? "invalid scenario" : "evaluation failed", body.toString()));
                continue;
            }
            if (r.findings().isEmpty()) {
                cases.add(new JunitXml.Case(classname, "no findings", r.file(), null, JunitXml.Outcome.PASSED, null, null));
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
                    body.append(same.message()).append('\n').append("cites: ").append(String.join("; ", same.citations())).append('\n');
                    for (Evidence e : same.evidence()) {
                        body.append("  ").append(e.span().location()).append("  ").append(e.kind()).append(' ').append(e.id()).append('\n');
                    }
                }
                cases.add(new JunitXml.Case(classname, f.ruleId(), r.file(), null, JunitXml.Outcome.FAILED,
                        f.severity().key() + ": " + f.title(), body.toString()));
            }
        }
        JunitXml.write("covenant check", cases, null, out);
    }
}
