package dev.covenant.report;

import dev.covenant.source.Version;
import dev.covenant.finding.Citation;
import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.Review;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * SARIF 2.1.0 for code-scanning views: the rule catalog as {@code tool.driver.rules}, each finding a
 * result located at its primary evidence (paths relative to {@code %SRCROOT%}, the directory covenant
 * ran in), other evidence as related locations, and a fingerprint that survives edits that only move
 * lines or change counts.
 */
public final class SarifRenderer implements Renderer {

    public static final String NAME = "sarif";
    static final String SRCROOT = "SRCROOT";

    @Override
    public void render(Report report, Writer out) throws IOException {
        Json.pretty(log(report), out);
    }

    /** The report as a SARIF log: one run, the pack's rules, every finding a result. */
    static SarifLog log(Report report) {
        List<String> ruleIds = report.rules().stream().map(RuleDescriptor::id).toList();
        List<SarifLog.Result> results = new ArrayList<>();
        for (ScenarioResult scenario : report.results()) {
            for (Finding finding : scenario.findings()) {
                int index = ruleIds.indexOf(finding.ruleId());
                results.add(result(scenario, finding, index >= 0 ? index : null));
            }
        }
        SarifLog.Tool tool = new SarifLog.Tool(new SarifLog.Driver("covenant", Version.current().replace("-SNAPSHOT", ""),
                Version.current(), report.rules().stream().map(SarifRenderer::rule).toList()));
        Map<String, SarifLog.UriBase> bases = Map.of(SRCROOT, new SarifLog.UriBase(
                new SarifLog.Message("The directory covenant ran in; rule and scenario paths are relative to it.")));
        SarifLog.Run run = new SarifLog.Run(tool, bases, List.of(invocation(report)), results);
        return new SarifLog("https://json.schemastore.org/sarif-2.1.0.json", "2.1.0", List.of(run));
    }

    private static SarifLog.ReportingDescriptor rule(RuleDescriptor rule) {
        List<String> tags = new ArrayList<>(List.of("compliance", rule.severity().key()));
        if (rule.basis() != null) {
            tags.add(rule.basis());
        }
        return new SarifLog.ReportingDescriptor(rule.id(), pascal(rule.id()), message(Inert.line(rule.title())),
                message(Inert.block(rule.description() == null ? rule.title() : rule.description())),
                new SarifLog.MultiformatMessage(plain(Inert.block(helpText(rule))), helpMarkdown(rule)), new SarifLog.Configuration(level(rule.severity())),
                new SarifLog.RuleProperties(rule.severity().key(), rule.basis(), rule.citations().stream().map(Citation::toString).toList(),
                        tags, rule.effective() == null ? null : rule.effective().toString(),
                        rule.expires() == null ? null : rule.expires().toString()));
    }

    private static SarifLog.Invocation invocation(Report report) {
        boolean successful = report.ruleDiagnostics().isEmpty() && report.inputDiagnostics().isEmpty()
                && report.results().stream().allMatch(r -> r.status() == ScenarioResult.Status.EVALUATED);
        List<SarifLog.Notification> execution = new ArrayList<>();
        report.inputDiagnostics().forEach(d -> execution.add(notification(d.where(), d.message(), "error")));
        for (ScenarioResult r : report.results()) {
            r.diagnostics().forEach(d -> execution.add(notification(d.where(), d.message(), "error")));
            r.warnings().forEach(d -> execution.add(notification(d.where(), d.message(), "warning")));
            if (r.error() != null) {
                execution.add(notification(new SourceSpan(r.file(), 0, 0, ""), r.error(), "error"));
            }
        }
        return new SarifLog.Invocation(successful,
                report.ruleDiagnostics().stream().map(d -> notification(d.where(), d.message(), "error")).toList(), execution);
    }

    private static SarifLog.Notification notification(SourceSpan where, String message, String level) {
        return new SarifLog.Notification(level, message(Inert.line(message)), List.of(new SarifLog.Location(null, physical(where), null)));
    }

    private static SarifLog.Result result(ScenarioResult scenario, Finding f, Integer ruleIndex) {
        List<SarifLog.Location> locations = new ArrayList<>();
        if (!f.evidence().isEmpty()) {
            Evidence primary = f.evidence().get(0);
            locations.add(new SarifLog.Location(null, physical(primary.span()), message(Inert.line(primary.kind() + " " + primary.id()))));
        }
        List<SarifLog.Location> related = new ArrayList<>();
        for (int i = 1; i < f.evidence().size(); i++) {
            Evidence e = f.evidence().get(i);
            related.add(new SarifLog.Location(i, physical(e.span()), message(Inert.line(e.kind() + " " + e.id() + ": " + e.detail()))));
        }
        String baselineState = f.review().baseline() == null ? null
                : f.review().baseline() == Review.BaselineState.NEW ? "new" : "unchanged";
        List<SarifLog.Suppression> suppressions = !f.review().waived() ? null : List.of(new SarifLog.Suppression("external", "accepted",
                f.review().waiver().justification() + " (approved by " + f.review().waiver().approver() + ", until "
                        + f.review().waiver().expires() + ")"));
        SarifLog.ResultProperties properties = new SarifLog.ResultProperties(f.severity().key(), scenario.scenarioId(), f.citations(),
                JsonExposure.of(f.exposure()), f.restsOn().isEmpty() ? null : f.restsOn().stream()
                        .map(r -> Inert.line(r.label() + (r.message() == null ? "" : ": " + r.message()))).toList());
        return new SarifLog.Result(f.ruleId(), ruleIndex, level(f.severity()),
                message(Inert.line(f.message() + " [" + String.join("; ", f.citations()) + "]")), locations, related, baselineState,
                suppressions, Map.of("covenantFinding/v1", fingerprint(scenario, f)), properties);
    }

    private static SarifLog.PhysicalLocation physical(SourceSpan span) {
        boolean absolute = span.file().startsWith("/");
        // A table's cell: its row is the CSV file's line; its column number is no character column, so it is left out.
        Integer column = span.column() > 0 && !span.isCell() ? span.column() : null;
        SarifLog.Region region = span.line() > 0 ? new SarifLog.Region(span.line(), column) : null;
        return new SarifLog.PhysicalLocation(new SarifLog.ArtifactLocation(uri(span.file()), absolute ? null : SRCROOT), region);
    }

    /**
     * Stable across runs: rule, scenario, the evidence's kinds and ids, and the message with its
     * numbers removed — so a moved line or a changed member count keeps the finding's identity.
     */
    static String fingerprint(ScenarioResult scenario, Finding f) {
        return dev.covenant.finding.Fingerprint.of(scenario.scenarioId(), f);
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /**
     * A path relative to {@code SRCROOT} as a relative reference; an absolute one (outside the directory
     * covenant ran in) as a {@code file:///} URI — with the empty authority, the form RFC 8089 and
     * code-scanning viewers expect, not {@code file:/tmp/...}. Percent-encoded by {@link Inert#uriPath},
     * so a file named {@code javascript:alert(1).yaml} is {@code javascript%3Aalert%281%29.yaml}, a
     * path, not a {@code javascript:} URI.
     */
    static String uri(String path) {
        try {
            // Checked by parsing: a relative reference with no scheme and no authority, or a file URI.
            URI uri = new URI(path.startsWith("/") ? "file://" + Inert.uriPath(path) : Inert.uriPath(path));
            if (path.startsWith("/") ? !"file".equals(uri.getScheme()) : uri.getScheme() != null || uri.getRawAuthority() != null) {
                throw new IllegalStateException("not a relative reference: " + uri);
            }
            return uri.toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a percent-encoded path did not parse as a URI: " + e.getMessage(), e);
        }
    }

    /**
     * A plain-text message (SARIF §3.11.6): {@code [text](n)} would be an embedded link, so a literal
     * {@code [}, {@code ]} or {@code \} in the text is escaped with a backslash — a scenario's text
     * cannot turn into a link. The text has been through {@link Inert} already.
     */
    static String plain(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '[' || c == ']' || c == '\\') {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }

    private static SarifLog.Message message(String inert) {
        return new SarifLog.Message(plain(inert));
    }

    private static String helpText(RuleDescriptor rule) {
        return (rule.description() == null ? rule.title() : rule.description()) + "\nCitations: "
                + rule.citations().stream().map(Citation::toString).collect(Collectors.joining("; "))
                + "\nFindings are issues for counsel to review, not legal advice.";
    }

    private static String helpMarkdown(RuleDescriptor rule) {
        return "**" + MarkdownRenderer.inline(rule.title()) + "**\n\n" + MarkdownRenderer.inline(rule.description() == null ? "" : rule.description())
                + "\n\nCitations:\n" + rule.citations().stream().map(c -> "- " + MarkdownRenderer.inline(c.toString())).collect(Collectors.joining("\n"))
                + "\n\n_Findings are issues for counsel to review, not legal advice._";
    }

    private static String pascal(String id) {
        StringBuilder s = new StringBuilder();
        for (String part : id.toLowerCase(Locale.ROOT).split("-")) {
            if (!part.isEmpty()) {
                s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return s.toString();
    }
}
