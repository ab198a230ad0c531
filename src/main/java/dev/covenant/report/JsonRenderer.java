package dev.covenant.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.covenant.source.Version;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Fingerprint;
import dev.covenant.finding.Report;
import dev.covenant.finding.ReviewNotes;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.finding.Waiver;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable form, documented in {@code docs/report-format.md}: the records below are its
 * shape, which changes only with {@link #SCHEMA_VERSION}. Written scenario by scenario — a generator
 * holds the open {@code scenarios} array and each scenario goes in as one record — so a large run
 * never holds the whole document.
 */
public final class JsonRenderer implements StreamingRenderer {

    public static final String NAME = "json";
    public static final String SCHEMA_VERSION = "1.0";

    private JsonGenerator json;

    @Override
    public void begin(List<RuleDescriptor> rules, List<Diagnostic> ruleDiagnostics, Writer out) throws IOException {
        json = Json.generator(out);
        json.writeStartObject();
        json.writeStringField("schemaVersion", SCHEMA_VERSION);
        json.writeObjectField("tool", new Tool("covenant", Version.current()));
        json.writeObjectField("ruleDiagnostics", JsonDiagnostic.all(ruleDiagnostics));
        json.writeArrayFieldStart("scenarios");
        json.flush();
    }

    @Override
    public void scenario(ScenarioResult result, Writer out) throws IOException {
        json.writeObject(ScenarioJson.of(result));
        json.flush();
    }

    @Override
    public void end(Report.Summary summary, List<Diagnostic> inputDiagnostics, ReviewNotes review, Writer out) throws IOException {
        json.writeEndArray();
        // The summary comes last, so that the report can be written while scenarios are still being evaluated.
        json.writeObjectField("summary", SummaryJson.of(summary, review != null && review.baselineUsed()));
        json.writeObjectField("inputDiagnostics", JsonDiagnostic.all(inputDiagnostics));
        if (review != null) {
            json.writeObjectField("review", ReviewJson.of(review));
        }
        json.writeEndObject();
        json.close();
        out.write("\n");
        out.flush();
    }

    /** Exposure totals, per currency: {@code {"USD": amount}}. */
    static Map<String, Long> totals(long usd) {
        return Map.of("USD", usd);
    }

    record Tool(String name, String version) {
    }

    record ScenarioJson(String file, String scenario, String title, String asOf, String status, List<FindingJson> findings,
            Map<String, Long> exposure, List<JsonDiagnostic> diagnostics, List<JsonDiagnostic> warnings, String error) {

        static ScenarioJson of(ScenarioResult r) {
            return new ScenarioJson(r.file(), r.scenarioId(), r.title(), r.asOf() == null ? null : r.asOf().toString(),
                    r.status().name().toLowerCase(Locale.ROOT), r.findings().stream().map(f -> FindingJson.of(r, f)).toList(),
                    totals(r.exposureTotal("USD")), JsonDiagnostic.all(r.diagnostics()), JsonDiagnostic.all(r.warnings()), r.error());
        }
    }

    record FindingJson(String ruleId, String fingerprint, String title, String severity, String basis, List<String> citations,
            String message, List<EvidenceJson> evidence, JsonExposure exposure, List<RestsOnJson> restsOn,
            @JsonInclude(JsonInclude.Include.NON_NULL) WaiverJson waiver,
            @JsonInclude(JsonInclude.Include.NON_NULL) String baseline) {

        static FindingJson of(ScenarioResult r, Finding f) {
            return new FindingJson(f.ruleId(), Fingerprint.of(r.scenarioId(), f), f.title(), f.severity().key(), f.basis(),
                    f.citations(), f.message(),
                    f.evidence().stream().map(e -> new EvidenceJson(e.role(), e.kind(), e.id(), e.detail(), SpanJson.of(e.span()))).toList(),
                    JsonExposure.of(f.exposure()),
                    f.restsOn().stream().map(RestsOnJson::of).toList(),
                    f.review().waived() ? WaiverJson.of(f.review().waiver()) : null,
                    f.review().baseline() == null ? null : f.review().baseline().name().toLowerCase(Locale.ROOT));
        }
    }

    /** Where something is written: {@code file}, {@code line}, {@code column}, and its YAML {@code path} when known. */
    record SpanJson(String file, int line, int column, @JsonInclude(JsonInclude.Include.NON_EMPTY) String path) {

        static SpanJson of(SourceSpan span) {
            return span == null ? null : new SpanJson(span.file(), span.line(), span.column(), span.path());
        }
    }

    record EvidenceJson(String role, String kind, String id, String detail, @JsonUnwrapped SpanJson at) {
    }

    /** A finding rested on: its rule, its subject ({@code kind}, {@code id}; null when it has none), where it points, its message. */
    record RestsOnJson(String ruleId, SubjectJson subject, @JsonUnwrapped SpanJson at, String message) {

        static RestsOnJson of(Finding.FindingRef ref) {
            return new RestsOnJson(ref.ruleId(), ref.subjectId() == null ? null : new SubjectJson(ref.subjectKind(), ref.subjectId()),
                    SpanJson.of(ref.at()), ref.message());
        }
    }

    record SubjectJson(String kind, String id) {
    }

    record WaiverJson(String rule, String scenario, String justification, String approver, String created, String expires,
            @JsonUnwrapped SpanJson at) {

        static WaiverJson of(Waiver w) {
            return new WaiverJson(w.ruleId(), w.scenario(), w.justification(), w.approver(), w.created().toString(),
                    w.expires().toString(), SpanJson.of(w.span()));
        }
    }

    record SummaryJson(int scenarios, int evaluated, int invalid, int errors, int findings, Map<String, Integer> bySeverity,
            Map<String, Long> exposure, int waived, int warnings,
            @JsonProperty("new") @JsonInclude(JsonInclude.Include.NON_NULL) Integer newFindings,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer fixed) {

        static SummaryJson of(Report.Summary s, boolean baselineUsed) {
            Map<String, Integer> bySeverity = new LinkedHashMap<>();
            for (Severity severity : Severity.values()) {
                bySeverity.put(severity.key(), s.bySeverity().get(severity));
            }
            return new SummaryJson(s.scenarios(), s.evaluated(), s.invalid(), s.errors(), s.findings(), bySeverity,
                    totals(s.exposureUsd()), s.waived(), s.warnings(), baselineUsed ? s.newFindings() : null,
                    baselineUsed ? s.fixed() : null);
        }
    }

    record ReviewJson(List<WaiverJson> expiredWaivers, List<WaiverJson> staleWaivers, List<FixedJson> fixed) {

        static ReviewJson of(ReviewNotes notes) {
            return new ReviewJson(notes.expired().stream().map(WaiverJson::of).toList(),
                    notes.stale().stream().map(WaiverJson::of).toList(),
                    notes.fixed().stream().map(f -> new FixedJson(f.fingerprint(), f.ruleId(), f.scenario(), f.message())).toList());
        }
    }

    record FixedJson(String fingerprint, String ruleId, String scenario, String message) {
    }
}
