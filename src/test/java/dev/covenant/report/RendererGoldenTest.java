package dev.covenant.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Batch;
import dev.covenant.finding.Citation;
import dev.covenant.finding.Evidence;
import dev.covenant.finding.Exposure;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.Review;
import dev.covenant.finding.ReviewNotes;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.finding.Timeline;
import dev.covenant.finding.Waiver;
import dev.covenant.model.Fact;
import dev.covenant.model.FactKind;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered renderer against golden files: synthetic reports built here from records (so a rule
 * edit does not churn them, and every part of the shape is present — findings, evidence, exposure,
 * restsOn, waivers, baseline states, warnings, invalid scenarios, errors, rule and input diagnostics),
 * and one end-to-end report of the shipped pack. A missing golden fails. To accept a deliberate change:
 * {@code mvn test -Dtest=RendererGoldenTest -Dgolden.update=true}, then review the diff of
 * src/test/resources/golden/. {@link GoldenFilesTest} proves the comparison can fail.
 */
class RendererGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> every_registered_renderer_matches_its_golden_files() {
        GoldenFiles goldens = GoldenFiles.under(GOLDEN);
        Map<String, Report> reports = new LinkedHashMap<>(synthetic());
        reports.put("shipped", Batch.run(ShippedRules.get(), List.of(GOLDEN.resolve("input").resolve("shipped")), Batch.Options.defaults()));
        return GoldenFiles.registered().entrySet().stream().flatMap(format -> reports.entrySet().stream().map(report ->
                DynamicTest.dynamicTest(format.getKey() + " / " + report.getKey(),
                        () -> goldens.check(format.getKey(), format.getValue(), report.getKey(), report.getValue()))));
    }

    @Test
    void the_synthetic_reports_hold_every_part_of_the_report() {
        Report many = synthetic().get("many");
        List<Finding> findings = many.results().stream().flatMap(r -> r.findings().stream()).toList();
        assertThat(findings).anyMatch(f -> f.exposure() != null).anyMatch(f -> !f.restsOn().isEmpty())
                .anyMatch(f -> f.review().waived())
                .anyMatch(f -> f.review().baseline() == Review.BaselineState.NEW)
                .anyMatch(f -> f.review().baseline() == Review.BaselineState.UNCHANGED);
        assertThat(many.results()).extracting(ScenarioResult::status).contains(ScenarioResult.Status.values());
        assertThat(many.results()).anyMatch(r -> !r.warnings().isEmpty());
        assertThat(many.inputDiagnostics()).isNotEmpty();
        assertThat(many.review().expired()).isNotEmpty();
        assertThat(many.review().stale()).isNotEmpty();
        assertThat(many.review().fixed()).isNotEmpty();
        assertThat(synthetic().get("broken").ruleDiagnostics()).isNotEmpty();
    }

    // Synthetic reports: built from records, independent of the shipped rules.

    static Map<String, Report> synthetic() {
        Map<String, Report> reports = new LinkedHashMap<>();
        reports.put("empty", new Report(List.of(), List.of(), List.of(clean()), RULES));
        reports.put("one", new Report(List.of(), List.of(), List.of(evaluated(FILE_A, "acme-2024", List.of(training()), List.of())), RULES));
        reports.put("many", many());
        reports.put("broken", new Report(List.of(new Diagnostic(SourceSpan.of("rules/contract/promises.drl", 12, 3),
                "unknown @severity 'severe'; expected one of: critical, high, medium, low, info")), List.of(), List.of(), List.of()));
        return reports;
    }

    private static final String FILE_A = "scenarios/acme-2024.yaml";
    private static final String FILE_B = "scenarios/acme-2025.yaml";
    private static final LocalDate AS_OF = LocalDate.of(2025, 1, 21);

    private static final RuleDescriptor CONTRACT = new RuleDescriptor("TEST-CONTRACT", "Use forbidden by a contract promise",
            Severity.CRITICAL, "contract", "A practice uses data a contract promise forbids for the tiers it covers.",
            List.of(new Citation("Breach of contract", null)), SourceSpan.of("rules/contract/promises.drl", 10, 1), null, null, null);
    private static final RuleDescriptor NOTICE = new RuleDescriptor("TEST-NOTICE", "Terms changed without the promised notice",
            Severity.MEDIUM, "contract", null,
            List.of(new Citation("User Agreement § 3 (notice of changes)", null), new Citation("GDPR Art. 13(3)", "EEA")),
            SourceSpan.of("rules/contract/notice.drl", 4, 1), LocalDate.of(2018, 5, 25), LocalDate.of(2030, 1, 1), null);
    private static final RuleDescriptor UNFAIR = new RuleDescriptor("TEST-UNFAIR", "Unlawful business practice",
            Severity.HIGH, "statute", "Rests on another finding that is itself unlawful.",
            List.of(new Citation("Cal. Bus. & Prof. Code § 17200", "US-CA")), SourceSpan.of("rules/us/ucl.drl", 7, 1), null, null, null);
    private static final List<RuleDescriptor> RULES = List.of(CONTRACT, NOTICE, UNFAIR);

    private static final Waiver ACCEPTED = new Waiver("TEST-NOTICE", "acme-*", "Notice was given by email; see ticket LEGAL-42",
            "counsel@acme.example", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), new SourceSpan("waivers.yaml", 2, 3, "waivers[0]"));
    private static final Waiver EXPIRED = new Waiver("TEST-CONTRACT", "acme-2023", "Remediation planned for Q4",
            "counsel@acme.example", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), new SourceSpan("waivers.yaml", 8, 3, "waivers[1]"));
    private static final Waiver STALE = new Waiver("TEST-UNFAIR", "beta-*", "Not applicable to beta",
            "cfo@acme.example", LocalDate.of(2024, 3, 1), LocalDate.of(2026, 3, 1), new SourceSpan("waivers.yaml", 14, 3, "waivers[2]"));

    private static Report many() {
        Finding training = training().withReview(new Review(null, Review.BaselineState.NEW));
        Finding notice = notice().withReview(new Review(ACCEPTED, Review.BaselineState.UNCHANGED));
        Finding unfair = unfair(training).withReview(new Review(null, Review.BaselineState.UNCHANGED));
        ScenarioResult a = evaluated(FILE_A, "acme-2024", List.of(training, notice, unfair),
                List.of(Diagnostic.warning(new SourceSpan(FILE_A, 20, 14, "members[1].region"),
                        "region 'CA' is Canada; a US-facing scenario probably means US-CA")));
        ScenarioResult invalid = ScenarioResult.invalid("scenarios/broken.yaml",
                List.of(new Diagnostic(new SourceSpan("scenarios/broken.yaml", 9, 7, "practices[0].use"),
                        "unknown use 'train_ai'; did you mean 'train_ai_system'?"),
                        new Diagnostic(SourceSpan.of("scenarios/broken.yaml", 0, 0), "no asOf: date")),
                List.of(Diagnostic.warning(new SourceSpan("scenarios/broken.yaml", 3, 5, "members[0]"), "cohort 'eu' reaches no citation of the pack")));
        ScenarioResult failed = ScenarioResult.failed("scenarios/loops.yaml",
                "rule TEST-UNFAIR fired more than 10,000 times; the scenario was stopped");
        List<Diagnostic> input = List.of(new Diagnostic(SourceSpan.of("missing/", 0, 0), "no such file or directory"));
        ReviewNotes review = new ReviewNotes(List.of(EXPIRED), List.of(STALE),
                List.of(new ReviewNotes.FixedFinding("0123456789abcdef0123456789abcdef", "TEST-CONTRACT", "acme-2023",
                        "Practice 'ads' shares user.contact with 2 recipient(s)")), true);
        return new Report(List.of(), input, List.of(evaluated(FILE_B, "acme-2025", List.of(), List.of()), a, invalid, failed), RULES, review);
    }

    private static ScenarioResult clean() {
        return evaluated(FILE_B, "acme-2025", List.of(), List.of());
    }

    private static ScenarioResult evaluated(String file, String id, List<Finding> findings, List<Diagnostic> warnings) {
        Timeline timeline = new Timeline(AS_OF, List.of(
                new Timeline.Item(Timeline.Lane.PROMISES, "promise", "premium-confidentiality", "premium confidentiality",
                        LocalDate.of(2020, 1, 1), AS_OF, true, List.of(), new SourceSpan(file, 37, 5, "promises[0]"), List.of()),
                new Timeline.Item(Timeline.Lane.PRACTICES, "practice", "genai-training", "genai training",
                        LocalDate.of(2024, 8, 1), AS_OF, true, List.of(new Timeline.Mark(LocalDate.of(2024, 9, 18), "announced")),
                        new SourceSpan(file, 86, 5, "practices[0]"), List.of())));
        return new ScenarioResult(file, id, "Acme & co. \"premium\" members", AS_OF, ScenarioResult.Status.EVALUATED, findings, List.of(),
                null, timeline, warnings);
    }

    private static Finding training() {
        return new Finding(CONTRACT.id(), CONTRACT.title(), CONTRACT.severity(), CONTRACT.basis(), List.of("Breach of contract"),
                "Practice 'genai-training' applies train_ai_system to user.content.private for 6,000,000 members the promise forbids",
                List.of(evidence("covered", "practice", "genai-training", 86, "practices[0]", "train_ai_system of user.content.private; since 2024-08-01"),
                        evidence("promise", "promise", "premium-confidentiality", 37, "promises[0]", "forbids train_ai_system of user.content.private"),
                        evidence("covered", "member cohort", "premium-us-ca", 15, "members[0]", "1,200,000 premium members in US-CA")),
                Exposure.usd(6_000_000_000L, "1,000 USD × 6,000,000 members (18 U.S.C. § 2707(c))"), List.of(), List.of("US-CA"), null, null);
    }

    private static Finding notice() {
        return new Finding(NOTICE.id(), NOTICE.title(), NOTICE.severity(), NOTICE.basis(), List.of("User Agreement § 3 (notice of changes)"),
                "Version 2024-09-18 took effect 0 days after notice; 30 days were promised",
                List.of(evidence("version", "document version", "ua-2024-09-18", 52, "documents[0].versions[1]", "effective 2024-09-18")),
                null, List.of(), List.of(), null, null);
    }

    private static Finding unfair(Finding basis) {
        return new Finding(UNFAIR.id(), UNFAIR.title(), UNFAIR.severity(), UNFAIR.basis(), List.of("Cal. Bus. & Prof. Code § 17200"),
                "A practice reaching California members is unlawful under another law (TEST-CONTRACT)",
                List.of(evidence("practice", "practice", "genai-training", 86, "practices[0]", "train_ai_system of user.content.private; since 2024-08-01")),
                null, List.of(basis.ref(), new Finding.FindingRef("TEST-ELSEWHERE", null, "a finding without a position")),
                List.of("US-CA"), null, null);
    }

    private static Evidence evidence(String role, String kind, String id, int line, String path, String detail) {
        SourceSpan span = new SourceSpan(FILE_A, line, 5, path);
        FactKind factKind = java.util.Arrays.stream(FactKind.values()).filter(k -> k.label().equals(kind)).findFirst().orElseThrow();
        return new Evidence(role, factKind.key(), factKind.label(), id, span, new Described(factKind, id, span, detail));
    }
}
