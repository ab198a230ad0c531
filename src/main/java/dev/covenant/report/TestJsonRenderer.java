package dev.covenant.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.source.Diagnostic;
import dev.covenant.verify.Coverage;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Locale;

/** {@code covenant test --format json}: per-fixture verdicts, differences with evidence, coverage. */
public final class TestJsonRenderer implements TestRenderer {

    public static final String NAME = "json";

    @Override
    public void render(FixtureRun run, Coverage coverage, Writer out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartObject();
            json.writeStringField("schemaVersion", JsonRenderer.SCHEMA_VERSION);
            json.writeObjectFieldStart("summary");
            json.writeNumberField("fixtures", run.outcomes().size());
            for (FixtureRun.Status s : FixtureRun.Status.values()) {
                json.writeNumberField(s.name().toLowerCase(Locale.ROOT), run.count(s));
            }
            json.writeNumberField("durationMs", run.nanos() / 1_000_000);
            json.writeEndObject();
            diagnostics("diagnostics", run.diagnostics(), json);
            json.writeArrayFieldStart("fixtures");
            for (FixtureRun.Outcome o : run.outcomes()) {
                outcome(o, json);
            }
            json.writeEndArray();
            if (coverage != null) {
                coverage(coverage, json);
            }
            json.writeEndObject();
        }
        out.write("\n");
    }

    private static void outcome(FixtureRun.Outcome o, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", o.file());
        json.writeStringField("scenario", o.scenarioId());
        json.writeStringField("status", o.status().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("durationMs", o.nanos() / 1_000_000);
        strings("fired", o.check().fired(), json);
        strings("missing", o.check().missing(), json);
        json.writeArrayFieldStart("unexpected");
        for (Finding f : Differences.unwanted(o)) {
            json.writeStartObject();
            json.writeStringField("ruleId", f.ruleId());
            json.writeBooleanField("expectedAbsent", o.check().firedButAbsent().contains(f.ruleId()));
            json.writeStringField("message", f.message());
            json.writeArrayFieldStart("evidence");
            for (Evidence e : f.evidence()) {
                json.writeStartObject();
                json.writeStringField("kind", e.kind());
                json.writeStringField("id", e.id());
                json.writeStringField("file", e.span().file());
                json.writeNumberField("line", e.span().line());
                json.writeNumberField("column", e.span().column());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        java.util.List<Diagnostic> all = new java.util.ArrayList<>(o.problems());
        all.addAll(o.result().diagnostics());
        diagnostics("diagnostics", all, json);
        diagnostics("warnings", o.result().warnings(), json);
        json.writeStringField("error", o.result().error());
        json.writeEndObject();
    }

    private static void coverage(Coverage coverage, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("coverage");
        json.writeNumberField("rules", coverage.rules().size());
        json.writeNumberField("fullyCovered", coverage.fullyCovered());
        json.writeNumberField("percent", Math.round(coverage.percent() * 10) / 10.0);
        json.writeArrayFieldStart("byRule");
        for (Coverage.Rule r : coverage.rules()) {
            json.writeStartObject();
            json.writeStringField("id", r.id());
            json.writeBooleanField("fullyCovered", r.fullyCovered());
            strings("firing", r.firing(), json);
            strings("nearMisses", r.nearMisses(), json);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void diagnostics(String field, Collection<Diagnostic> diagnostics, JsonGenerator json) throws IOException {
        JsonDiagnostics.write(field, diagnostics, json);
    }

    private static void strings(String field, Collection<String> values, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }
}
