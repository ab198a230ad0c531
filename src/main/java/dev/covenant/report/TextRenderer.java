package dev.covenant.report;

import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.source.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The human-readable form: per scenario, each finding with its citations, evidence and exposure. */
public final class TextRenderer implements Renderer {

    public static final String NAME = "text";

    @Override
    public void render(Report report, Writer raw) throws IOException {
        Writer out = new InertWriter(raw);
        for (Diagnostic d : report.ruleDiagnostics()) {
            out.write(d.format() + "\n");
        }
        for (Diagnostic d : report.inputDiagnostics()) {
            out.write(d.format() + "\n");
        }
        if (!report.ruleDiagnostics().isEmpty()) {
            out.write("rules did not compile: " + report.ruleDiagnostics().size() + " error(s); no scenario was evaluated\n");
            return;
        }
        for (ScenarioResult result : report.results()) {
            scenario(result, out);
        }
        review(report, out);
        out.write(summaryLine(report) + "\n");
    }

    private static void scenario(ScenarioResult result, Writer out) throws IOException {
        switch (result.status()) {
            case INVALID -> {
                out.write(result.file() + "  INVALID (not evaluated)\n");
                for (Diagnostic d : result.diagnostics()) {
                    out.write("  " + d.format() + "\n");
                }
            }
            case ERROR -> {
                out.write(result.file() + "  " + nameOf(result) + "  ERROR\n");
                out.write("  " + result.file() + ": error: " + result.error() + "\n");
            }
            case EVALUATED -> {
                out.write(result.file() + "  " + nameOf(result) + " (as of " + result.asOf() + ")  "
                        + (result.findings().isEmpty() ? "no findings" : result.findings().size() + " finding(s)") + "\n");
                for (Finding f : result.findings()) {
                    finding(f, out);
                }
                long exposure = result.exposureTotal("USD");
                if (exposure > 0) {
                    out.write("  exposure total: " + usd(exposure) + "\n");
                }
            }
        }
        out.write("\n");
    }

    private static void finding(Finding f, Writer out) throws IOException {
        String indent = "    ";
        String tags = (f.review().baseline() == dev.covenant.finding.Review.BaselineState.NEW ? "  [new]" : "")
                + (f.review().waived() ? "  [waived]" : "");
        out.write(String.format(Locale.ROOT, "  %-8s %s  %s%s%n", f.severity().key().toUpperCase(Locale.ROOT), f.ruleId(), f.title(), tags));
        out.write(indent + f.message() + "\n");
        out.write(indent + "cites: " + String.join("; ", f.citations()) + "\n");
        if (!f.restsOn().isEmpty()) {
            out.write(indent + "rests on: ");
            out.write(String.join(", ", f.restsOn().stream().map(r -> r.ruleId() + (r.at() == null ? "" : " (" + r.at().location() + ")")).toList()));
            out.write("\n");
        }
        String label = "evidence: ";
        for (Evidence e : f.evidence()) {
            out.write(indent + label + e.span().location() + "  " + e.kind() + " " + e.id() + "\n");
            label = "          ";
        }
        if (f.review().waived()) {
            var w = f.review().waiver();
            out.write(indent + "waived until " + w.expires() + " by " + w.approver() + ": " + w.justification()
                    + " (" + w.span().location() + ")\n");
        }
        if (f.exposure() != null) {
            out.write(indent + "exposure: " + money(f.exposure().amount(), f.exposure().currency()) + " — " + f.exposure().basis() + "\n");
        }
    }

    private static void review(Report report, Writer out) throws IOException {
        if (report.review() == null) {
            return;
        }
        for (var w : report.review().expired()) {
            out.write("warning: waiver for " + w.ruleId() + " on '" + w.scenario() + "' expired on " + w.expires()
                    + " and no longer applies (" + w.span().location() + ")\n");
        }
        for (var w : report.review().stale()) {
            out.write("warning: waiver for " + w.ruleId() + " on '" + w.scenario() + "' matches no finding; remove it? ("
                    + w.span().location() + ")\n");
        }
        for (var f : report.review().fixed()) {
            out.write("fixed since the baseline: " + f.ruleId() + " in " + f.scenario() + " — " + f.message() + "\n");
        }
        if (!report.review().expired().isEmpty() || !report.review().stale().isEmpty() || !report.review().fixed().isEmpty()) {
            out.write("\n");
        }
    }

    static String summaryLine(Report report) {
        Report.Summary s = report.summary();
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
            line.append("; exposure ").append(usd(s.exposureUsd()));
        }
        if (s.waived() > 0) {
            line.append("; ").append(s.waived()).append(" waived");
        }
        if (report.review() != null && report.review().baselineUsed()) {
            line.append("; ").append(s.newFindings()).append(" new, ").append(s.fixed()).append(" fixed since the baseline");
        }
        return line.toString();
    }

    private static String nameOf(ScenarioResult r) {
        return r.scenarioId() == null ? "" : r.scenarioId();
    }

    private static String usd(long amount) {
        return money(amount, "USD");
    }

    private static String money(long amount, String currency) {
        return String.format(Locale.ROOT, "%s %,d", currency, amount);
    }
}
