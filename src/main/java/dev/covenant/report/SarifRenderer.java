package dev.covenant.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.covenant.Version;
import dev.covenant.finding.Citation;
import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
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
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartObject();
            json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            driver(report.rules(), json);
            json.writeObjectFieldStart("originalUriBaseIds");
            json.writeObjectFieldStart(SRCROOT);
            json.writeObjectFieldStart("description");
            json.writeStringField("text", "The directory covenant ran in; rule and scenario paths are relative to it.");
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
            invocation(report, json);
            json.writeArrayFieldStart("results");
            for (ScenarioResult scenario : report.results()) {
                for (Finding finding : scenario.findings()) {
                    result(report, scenario, finding, json);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write("\n");
    }

    private static void driver(List<RuleDescriptor> rules, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "covenant");
        json.writeStringField("semanticVersion", Version.current().replace("-SNAPSHOT", ""));
        json.writeStringField("version", Version.current());
        json.writeArrayFieldStart("rules");
        for (RuleDescriptor rule : rules) {
            json.writeStartObject();
            json.writeStringField("id", rule.id());
            json.writeStringField("name", pascal(rule.id()));
            text("shortDescription", rule.title(), json);
            text("fullDescription", rule.description() == null ? rule.title() : rule.description(), json);
            json.writeObjectFieldStart("help");
            json.writeStringField("text", helpText(rule));
            json.writeStringField("markdown", helpMarkdown(rule));
            json.writeEndObject();
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", level(rule.severity()));
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            json.writeStringField("severity", rule.severity().key());
            if (rule.basis() != null) {
                json.writeStringField("basis", rule.basis());
            }
            json.writeArrayFieldStart("citations");
            for (Citation c : rule.citations()) {
                json.writeString(c.toString());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("tags");
            json.writeString("compliance");
            json.writeString(rule.severity().key());
            if (rule.basis() != null) {
                json.writeString(rule.basis());
            }
            json.writeEndArray();
            if (rule.effective() != null) {
                json.writeStringField("effective", rule.effective().toString());
            }
            if (rule.expires() != null) {
                json.writeStringField("expires", rule.expires().toString());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void invocation(Report report, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("invocations");
        json.writeStartObject();
        boolean successful = report.ruleDiagnostics().isEmpty() && report.inputDiagnostics().isEmpty()
                && report.results().stream().allMatch(r -> r.status() == ScenarioResult.Status.EVALUATED);
        json.writeBooleanField("executionSuccessful", successful);
        json.writeArrayFieldStart("toolConfigurationNotifications");
        for (Diagnostic d : report.ruleDiagnostics()) {
            notification(d.where(), d.message(), json);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("toolExecutionNotifications");
        for (Diagnostic d : report.inputDiagnostics()) {
            notification(d.where(), d.message(), json);
        }
        for (ScenarioResult r : report.results()) {
            for (Diagnostic d : r.diagnostics()) {
                notification(d.where(), d.message(), json);
            }
            for (Diagnostic d : r.warnings()) {
                notification(d.where(), d.message(), "warning", json);
            }
            if (r.error() != null) {
                notification(new SourceSpan(r.file(), 0, 0, ""), r.error(), json);
            }
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void notification(SourceSpan where, String message, JsonGenerator json) throws IOException {
        notification(where, message, "error", json);
    }

    private static void notification(SourceSpan where, String message, String level, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("level", level);
        text("message", message, json);
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        physical(where, json);
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void result(Report report, ScenarioResult scenario, Finding f, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", f.ruleId());
        int index = report.rules().stream().map(RuleDescriptor::id).toList().indexOf(f.ruleId());
        if (index >= 0) {
            json.writeNumberField("ruleIndex", index);
        }
        json.writeStringField("level", level(f.severity()));
        text("message", f.message() + " [" + String.join("; ", f.citations()) + "]", json);
        json.writeArrayFieldStart("locations");
        if (!f.evidence().isEmpty()) {
            json.writeStartObject();
            physical(f.evidence().get(0).span(), json);
            text("message", f.evidence().get(0).kind() + " " + f.evidence().get(0).id(), json);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("relatedLocations");
        for (int i = 1; i < f.evidence().size(); i++) {
            Evidence e = f.evidence().get(i);
            json.writeStartObject();
            json.writeNumberField("id", i);
            physical(e.span(), json);
            text("message", e.kind() + " " + e.id() + ": " + e.detail(), json);
            json.writeEndObject();
        }
        json.writeEndArray();
        if (f.review().baseline() != null) {
            json.writeStringField("baselineState", f.review().baseline() == dev.covenant.finding.Review.BaselineState.NEW ? "new" : "unchanged");
        }
        if (f.review().waived()) {
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", "external");
            json.writeStringField("status", "accepted");
            json.writeStringField("justification", f.review().waiver().justification() + " (approved by "
                    + f.review().waiver().approver() + ", until " + f.review().waiver().expires() + ")");
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField("covenantFinding/v1", fingerprint(scenario, f));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeStringField("severity", f.severity().key());
        json.writeStringField("scenario", scenario.scenarioId());
        json.writeArrayFieldStart("citations");
        for (String c : f.citations()) {
            json.writeString(c);
        }
        json.writeEndArray();
        if (f.exposure() != null) {
            json.writeObjectFieldStart("exposure");
            json.writeNumberField("amount", f.exposure().amount());
            json.writeStringField("currency", f.exposure().currency());
            json.writeStringField("basis", f.exposure().basis());
            json.writeEndObject();
        }
        if (!f.restsOn().isEmpty()) {
            json.writeArrayFieldStart("restsOn");
            for (Finding.FindingRef ref : f.restsOn()) {
                json.writeString(ref.ruleId());
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void physical(SourceSpan span, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        boolean absolute = span.file().startsWith("/");
        json.writeStringField("uri", uri(span.file()));
        if (!absolute) {
            json.writeStringField("uriBaseId", SRCROOT);
        }
        json.writeEndObject();
        if (span.line() > 0) {
            json.writeObjectFieldStart("region");
            json.writeNumberField("startLine", span.line());
            if (span.column() > 0) {
                json.writeNumberField("startColumn", span.column());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
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
     * code-scanning viewers expect, not {@code file:/tmp/...}.
     */
    static String uri(String path) {
        try {
            return path.startsWith("/") ? new URI("file", "", path, null).toASCIIString() : new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path;
        }
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

    private static void text(String field, String value, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", value);
        json.writeEndObject();
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
