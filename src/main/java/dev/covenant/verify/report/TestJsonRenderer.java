package dev.covenant.verify.report;

import dev.covenant.report.Json;
import dev.covenant.report.JsonDiagnostic;
import dev.covenant.report.JsonRenderer;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.covenant.finding.Finding;
import dev.covenant.source.Diagnostic;
import dev.covenant.verify.Coverage;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** {@code covenant test --format json}: per-fixture verdicts, differences with evidence, coverage. */
public final class TestJsonRenderer implements TestRenderer {

    public static final String NAME = "json";

    @Override
    public void render(FixtureRun run, Coverage coverage, Writer out) throws IOException {
        Json.pretty(new TestRunJson(JsonRenderer.SCHEMA_VERSION, SummaryJson.of(run), JsonDiagnostic.all(run.diagnostics()),
                run.outcomes().stream().map(OutcomeJson::of).toList(), coverage == null ? null : CoverageJson.of(coverage)), out);
    }

    record TestRunJson(String schemaVersion, SummaryJson summary, List<JsonDiagnostic> diagnostics, List<OutcomeJson> fixtures,
            @JsonInclude(JsonInclude.Include.NON_NULL) CoverageJson coverage) {
    }

    record SummaryJson(int fixtures, long pass, long fail, long error, long skip, long durationMs) {

        static SummaryJson of(FixtureRun run) {
            return new SummaryJson(run.outcomes().size(), run.count(FixtureRun.Status.PASS), run.count(FixtureRun.Status.FAIL),
                    run.count(FixtureRun.Status.ERROR), run.count(FixtureRun.Status.SKIP), run.nanos() / 1_000_000);
        }
    }

    record OutcomeJson(String file, String scenario, String status, long durationMs, List<String> fired, List<String> missing,
            List<UnexpectedJson> unexpected, List<JsonDiagnostic> diagnostics, List<JsonDiagnostic> warnings, String error) {

        static OutcomeJson of(FixtureRun.Outcome o) {
            List<Diagnostic> all = Differences.diagnostics(o);
            return new OutcomeJson(o.file(), o.scenarioId(), o.status().name().toLowerCase(Locale.ROOT), o.nanos() / 1_000_000,
                    List.copyOf(o.check().fired()), List.copyOf(o.check().missing()),
                    Differences.unwanted(o).stream().map(f -> UnexpectedJson.of(o, f)).toList(),
                    JsonDiagnostic.all(all), JsonDiagnostic.all(o.result().warnings()), o.result().error());
        }
    }

    /** A finding the fixture did not expect; its evidence is where to look, not the report's full evidence. */
    record UnexpectedJson(String ruleId, boolean expectedAbsent, String message, List<EvidenceJson> evidence) {

        static UnexpectedJson of(FixtureRun.Outcome o, Finding f) {
            return new UnexpectedJson(f.ruleId(), o.check().firedButAbsent().contains(f.ruleId()), f.message(),
                    f.evidence().stream().map(e -> new EvidenceJson(e.kind(), e.id(), e.span().file(), e.span().line(), e.span().column()))
                            .toList());
        }
    }

    record EvidenceJson(String kind, String id, String file, int line, int column) {
    }

    record CoverageJson(int rules, long fullyCovered, double percent, List<RuleCoverageJson> byRule) {

        static CoverageJson of(Coverage coverage) {
            return new CoverageJson(coverage.rules().size(), coverage.fullyCovered(), Math.round(coverage.percent() * 10) / 10.0,
                    coverage.rules().stream().map(r -> new RuleCoverageJson(r.id(), r.fullyCovered(), List.copyOf(r.firing()),
                            List.copyOf(r.nearMisses()))).toList());
        }
    }

    record RuleCoverageJson(String id, boolean fullyCovered, List<String> firing, List<String> nearMisses) {
    }
}
