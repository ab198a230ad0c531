package dev.covenant.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.covenant.Version;
import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.ReviewNotes;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The machine-readable form, documented in {@code docs/report-format.md}. The shape is written out
 * field by field so that it changes only with {@link #SCHEMA_VERSION}.
 */
public final class JsonRenderer implements StreamingRenderer {

    public static final String NAME = "json";
    public static final String SCHEMA_VERSION = "1.0";

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonGenerator json;

    @Override
    public void begin(List<RuleDescriptor> rules, List<Diagnostic> ruleDiagnostics, Writer out) throws IOException {
        json = FACTORY.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setPrettyPrinter(new DefaultPrettyPrinter());
        json.writeStartObject();
        json.writeStringField("schemaVersion", SCHEMA_VERSION);
        json.writeObjectFieldStart("tool");
        json.writeStringField("name", "covenant");
        json.writeStringField("version", Version.current());
        json.writeEndObject();
        diagnostics("ruleDiagnostics", ruleDiagnostics, json);
        json.writeArrayFieldStart("scenarios");
        json.flush();
    }

    @Override
    public void scenario(ScenarioResult result, Writer out) throws IOException {
        scenario(result, json);
        json.flush();
    }

    @Override
    public void end(Report.Summary summary, List<Diagnostic> inputDiagnostics, ReviewNotes review, Writer out) throws IOException {
        json.writeEndArray();
        // The summary comes last, so that the report can be written while scenarios are still being evaluated.
        summary(summary, review, json);
        diagnostics("inputDiagnostics", inputDiagnostics, json);
        if (review != null) {
            review(review, json);
        }
        json.writeEndObject();
        json.close();
        out.write("\n");
        out.flush();
    }

    private static void summary(Report.Summary s, ReviewNotes review, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeNumberField("scenarios", s.scenarios());
        json.writeNumberField("evaluated", s.evaluated());
        json.writeNumberField("invalid", s.invalid());
        json.writeNumberField("errors", s.errors());
        json.writeNumberField("findings", s.findings());
        json.writeObjectFieldStart("bySeverity");
        for (Severity severity : Severity.values()) {
            json.writeNumberField(severity.key(), s.bySeverity().get(severity));
        }
        json.writeEndObject();
        json.writeObjectFieldStart("exposure");
        json.writeNumberField("USD", s.exposureUsd());
        json.writeEndObject();
        json.writeNumberField("waived", s.waived());
        json.writeNumberField("warnings", s.warnings());
        if (review != null && review.baselineUsed()) {
            json.writeNumberField("new", s.newFindings());
            json.writeNumberField("fixed", s.fixed());
        }
        json.writeEndObject();
    }

    private static void review(ReviewNotes notes, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("review");
        json.writeArrayFieldStart("expiredWaivers");
        for (var w : notes.expired()) {
            waiver(w, json);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("staleWaivers");
        for (var w : notes.stale()) {
            waiver(w, json);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("fixed");
        for (var f : notes.fixed()) {
            json.writeStartObject();
            json.writeStringField("fingerprint", f.fingerprint());
            json.writeStringField("ruleId", f.ruleId());
            json.writeStringField("scenario", f.scenario());
            json.writeStringField("message", f.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void waiver(dev.covenant.finding.Waiver w, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", w.ruleId());
        json.writeStringField("scenario", w.scenario());
        json.writeStringField("justification", w.justification());
        json.writeStringField("approver", w.approver());
        json.writeStringField("created", w.created().toString());
        json.writeStringField("expires", w.expires().toString());
        span(w.span(), json);
        json.writeEndObject();
    }

    private static void scenario(ScenarioResult r, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", r.file());
        json.writeStringField("scenario", r.scenarioId());
        json.writeStringField("title", r.title());
        json.writeStringField("asOf", r.asOf() == null ? null : r.asOf().toString());
        json.writeStringField("status", r.status().name().toLowerCase(Locale.ROOT));
        json.writeArrayFieldStart("findings");
        for (Finding f : r.findings()) {
            finding(r, f, json);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("exposure");
        json.writeNumberField("USD", r.exposureTotal("USD"));
        json.writeEndObject();
        diagnostics("diagnostics", r.diagnostics(), json);
        diagnostics("warnings", r.warnings(), json);
        json.writeStringField("error", r.error());
        json.writeEndObject();
    }

    private static void finding(ScenarioResult r, Finding f, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", f.ruleId());
        json.writeStringField("fingerprint", dev.covenant.finding.Fingerprint.of(r.scenarioId(), f));
        json.writeStringField("title", f.title());
        json.writeStringField("severity", f.severity().key());
        json.writeStringField("basis", f.basis());
        strings("citations", f.citations(), json);
        json.writeStringField("message", f.message());
        json.writeArrayFieldStart("evidence");
        for (Evidence e : f.evidence()) {
            json.writeStartObject();
            json.writeStringField("role", e.role());
            json.writeStringField("kind", e.kind());
            json.writeStringField("id", e.id());
            json.writeStringField("detail", e.detail());
            span(e.span(), json);
            json.writeEndObject();
        }
        json.writeEndArray();
        if (f.exposure() == null) {
            json.writeNullField("exposure");
        } else {
            json.writeObjectFieldStart("exposure");
            json.writeNumberField("amount", f.exposure().amount());
            json.writeStringField("currency", f.exposure().currency());
            json.writeStringField("basis", f.exposure().basis());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("restsOn");
        for (Finding.FindingRef ref : f.restsOn()) {
            json.writeStartObject();
            json.writeStringField("ruleId", ref.ruleId());
            if (ref.at() != null) {
                span(ref.at(), json);
            }
            json.writeStringField("message", ref.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (f.review().waived()) {
            json.writeFieldName("waiver");
            waiver(f.review().waiver(), json);
        }
        if (f.review().baseline() != null) {
            json.writeStringField("baseline", f.review().baseline().name().toLowerCase(Locale.ROOT));
        }
        json.writeEndObject();
    }

    private static void diagnostics(String field, List<Diagnostic> diagnostics, JsonGenerator json) throws IOException {
        JsonDiagnostics.write(field, diagnostics, json);
    }

    private static void span(SourceSpan span, JsonGenerator json) throws IOException {
        json.writeStringField("file", span.file());
        json.writeNumberField("line", span.line());
        json.writeNumberField("column", span.column());
        if (span.path() != null && !span.path().isEmpty()) {
            json.writeStringField("path", span.path());
        }
    }

    private static void strings(String field, List<String> values, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }
}
