package dev.covenant.report;

import dev.covenant.finding.Report;
import dev.covenant.finding.ReviewNotes;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.source.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A format written as scenarios finish: a header, one part per scenario in order, then the summary.
 * Memory does not grow with the number of scenarios. An instance renders one report.
 */
public interface StreamingRenderer extends Renderer {

    void begin(List<RuleDescriptor> rules, List<Diagnostic> ruleDiagnostics, Writer out) throws IOException;

    void scenario(ScenarioResult result, Writer out) throws IOException;

    void end(Report.Summary summary, List<Diagnostic> inputDiagnostics, ReviewNotes review, Writer out) throws IOException;

    @Override
    default void render(Report report, Writer out) throws IOException {
        begin(report.rules(), report.ruleDiagnostics(), out);
        for (ScenarioResult result : report.results()) {
            scenario(result, out);
        }
        end(report.summary(), report.inputDiagnostics(), report.review(), out);
    }
}
