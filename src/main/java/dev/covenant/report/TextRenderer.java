package dev.covenant.report;

import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.ReviewNotes;
import dev.covenant.finding.RuleDescriptor;
import java.util.List;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.source.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The human-readable form: per scenario, each finding with its citations, evidence and exposure. */
public final class TextRenderer implements StreamingRenderer {

    public static final String NAME = "text";

    private boolean rulesFailed;

    @Override
    public void begin(List<RuleDescriptor> rules, List<Diagnostic> ruleDiagnostics, Writer raw) throws IOException {
        Writer out = new InertWriter(raw);
        for (Diagnostic d : ruleDiagnostics) {
            out.write(t(d.format()) + "\n");
        }
        rulesFailed = !ruleDiagnostics.isEmpty();
        if (rulesFailed) {
            out.write("rules did not compile: " + ruleDiagnostics.size() + " error(s); no scenario was evaluated\n");
        }
        out.flush();
    }

    @Override
    public void scenario(ScenarioResult result, Writer raw) throws IOException {
        Writer out = new InertWriter(raw);
        block(result, out);
        out.flush();
    }

    @Override
    public void end(Report.Summary summary, List<Diagnostic> inputDiagnostics, ReviewNotes review, Writer raw) throws IOException {
        Writer out = new InertWriter(raw);
        for (Diagnostic d : inputDiagnostics) {
            out.write(t(d.format()) + "\n");
        }
        if (!rulesFailed) {
            review(review, out);
            out.write(summaryLine(summary, review) + "\n");
        }
        out.flush();
    }

    private static void block(ScenarioResult result, Writer out) throws IOException {
        switch (result.status()) {
            case INVALID -> {
                out.write(t(result.file()) + "  INVALID (not evaluated)\n");
                for (Diagnostic d : result.diagnostics()) {
                    out.write("  " + t(d.format()) + "\n");
                }
                warnings(result, out);
            }
            case ERROR -> {
                out.write(t(result.file()) + "  " + nameOf(result) + "  ERROR\n");
                out.write("  " + t(result.file()) + ": error: " + t(result.error()) + "\n");
                warnings(result, out);
            }
            case EVALUATED -> {
                out.write(t(result.file()) + "  " + nameOf(result) + " (as of " + result.asOf() + ")  "
                        + (result.findings().isEmpty() ? "no findings" : result.findings().size() + " finding(s)") + "\n");
                warnings(result, out);
                for (Finding f : result.findings()) {
                    finding(f, out);
                }
                long exposure = result.exposureTotal("USD");
                if (exposure > 0) {
                    out.write("  exposure total: " + Money.usd(exposure) + "\n");
                }
            }
        }
        out.write("\n");
    }

    /** Warnings sit under their scenario, before its findings; they change neither its status nor the exit code. */
    private static void warnings(ScenarioResult result, Writer out) throws IOException {
        for (Diagnostic d : result.warnings()) {
            out.write("  " + t(d.format()) + "\n");
        }
    }

    private static void finding(Finding f, Writer out) throws IOException {
        String indent = "    ";
        String tags = (f.review().baseline() == dev.covenant.finding.Review.BaselineState.NEW ? "  [new]" : "")
                + (f.review().waived() ? "  [waived]" : "");
        out.write(String.format(Locale.ROOT, "  %-8s %s  %s%s%n", f.severity().key().toUpperCase(Locale.ROOT), t(f.ruleId()), t(f.title()), tags));
        out.write(indent + t(f.message()) + "\n");
        out.write(indent + "cites: " + t(String.join("; ", f.citations())) + "\n");
        // One line per finding rested on, named by rule and subject; two of one rule on one subject
        // (one per data category) differ by their messages, so each line carries its own.
        String restsOn = "rests on: ";
        for (Finding.FindingRef r : f.restsOn()) {
            out.write(indent + restsOn + t(r.label()) + (r.at() == null ? "" : " (" + t(r.at().location()) + ")")
                    + (r.message() == null ? "" : ": " + t(r.message())) + "\n");
            restsOn = "          ";
        }
        String label = "evidence: ";
        for (Evidence e : f.evidence()) {
            out.write(indent + label + t(e.span().location()) + "  " + t(e.kind()) + " " + t(e.id()) + "\n");
            label = "          ";
        }
        if (f.review().waived()) {
            var w = f.review().waiver();
            out.write(indent + "waived until " + w.expires() + " by " + t(w.approver()) + ": " + t(w.justification())
                    + " (" + t(w.span().location()) + ")\n");
        }
        if (f.exposure() != null) {
            out.write(indent + "exposure: " + Money.format(f.exposure()) + " — " + t(f.exposure().basis()) + "\n");
        }
    }

    private static void review(ReviewNotes review, Writer out) throws IOException {
        if (review == null) {
            return;
        }
        for (var w : review.expired()) {
            out.write("warning: waiver for " + t(w.ruleId()) + " on '" + t(w.scenario()) + "' expired on " + w.expires()
                    + " and no longer applies (" + t(w.span().location()) + ")\n");
        }
        for (var w : review.stale()) {
            out.write("warning: waiver for " + t(w.ruleId()) + " on '" + t(w.scenario()) + "' matches no finding; remove it? ("
                    + t(w.span().location()) + ")\n");
        }
        for (var f : review.fixed()) {
            out.write("fixed since the baseline: " + t(f.ruleId()) + " in " + t(f.scenario()) + " — " + t(f.message()) + "\n");
        }
        if (!review.expired().isEmpty() || !review.stale().isEmpty() || !review.fixed().isEmpty()) {
            out.write("\n");
        }
    }

    static String summaryLine(Report.Summary s, ReviewNotes review) {
        StringBuilder line = new StringBuilder();
        line.append(s.scenarios()).append(" scenario(s): ").append(s.evaluated()).append(" evaluated, ")
                .append(s.invalid()).append(" invalid, ").append(s.errors()).append(" error(s); ")
                .append(s.findings()).append(" finding(s)");
        StringBuilder bySeverity = new StringBuilder();
        for (Severity severity : Severity.values()) {
            int n = s.bySeverity().get(severity);
            if (n > 0) {
                bySeverity.append(bySeverity.length() == 0 ? "" : ", ").append(n).append(' ').append(severity.key());
            }
        }
        if (bySeverity.length() > 0) {
            line.append(" (").append(bySeverity).append(')');
        }
        if (s.exposureUsd() > 0) {
            line.append("; exposure ").append(Money.usd(s.exposureUsd()));
        }
        if (s.warnings() > 0) {
            line.append("; ").append(s.warnings()).append(" warning(s)");
        }
        if (s.waived() > 0) {
            line.append("; ").append(s.waived()).append(" waived");
        }
        if (review != null && review.baselineUsed()) {
            line.append("; ").append(s.newFindings()).append(" new, ").append(s.fixed()).append(" fixed since the baseline");
        }
        return line.toString();
    }

    private static String nameOf(ScenarioResult r) {
        return r.scenarioId() == null ? "" : t(r.scenarioId());
    }

    /**
     * Every datum goes through here: one datum, one line. The {@link InertWriter} around the output
     * catches controls in what is left (our own words), but cannot tell a datum's newline from ours.
     */
    private static String t(String datum) {
        return Inert.field(datum);
    }
}
