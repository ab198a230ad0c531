package dev.covenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API: one instance, many threads, reloads, waivers and baselines. */
class CovenantApiTest {

    private static final Path CHILDREN = Path.of("fixtures/us/children-training.yaml");

    @TempDir
    Path dir;

    @Test
    void one_instance_serves_concurrent_callers_with_identical_results() throws Exception {
        try (Covenant covenant = Covenant.builder().rules(Path.of("rules")).build()) {
            Report expected = covenant.evaluate(List.of(Path.of("fixtures/linkedin")));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Report>> runs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                runs.add(pool.submit(() -> covenant.evaluate(List.of(Path.of("fixtures/linkedin")))));
            }
            for (Future<Report> run : runs) {
                assertThat(ids(run.get())).isEqualTo(ids(expected));
            }
            pool.shutdown();
            assertThat(covenant.catalog()).hasSize(44);
        }
    }

    @Test
    void reload_swaps_in_new_rules_and_keeps_the_last_good_ones_when_they_do_not_compile() throws IOException {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        try (Covenant covenant = Covenant.builder().rules(rules).build()) {
            Path rule = rules.resolve("us/consent-uses.drl.csv");
            String good = Files.readString(rule);

            Files.writeString(rule, good.replace("!this.restsOn(\"\"$param\"\")", "!this.restsOn(\"\"$param\"\""));
            Covenant.Reload broken = covenant.reload();
            assertThat(broken.applied()).isFalse();
            assertThat(broken.diagnostics()).isNotEmpty();
            assertThat(severity(covenant)).as("the last good rules stay").isEqualTo(Severity.CRITICAL);

            Files.writeString(rule, good.replace(",critical,", ",high,"));
            assertThat(covenant.reload().applied()).isTrue();
            assertThat(severity(covenant)).isEqualTo(Severity.HIGH);
        }
    }

    @Test
    void the_api_loads_its_pack_through_the_cache_like_the_cli() throws Exception {
        Path cache = dir.resolve("cache");
        dev.covenant.engine.PackCache packs = new dev.covenant.engine.PackCache(cache);
        assertThat(packs.store(dev.covenant.engine.RuleSources.read(Path.of("rules")))).isTrue();
        Path entry;
        try (var files = Files.list(cache)) {
            entry = files.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(30)));
        Files.setLastModifiedTime(entry, longAgo);

        List<String> compiled;
        try (Covenant covenant = Covenant.builder().packCache(null).build()) {
            compiled = covenant.evaluate(List.of(Path.of("fixtures"))).results().stream()
                    .flatMap(r -> r.findings().stream().map(f -> dev.covenant.finding.Fingerprint.of(r.scenarioId(), f))).toList();
        }
        try (Covenant covenant = Covenant.builder().packCache(cache).build()) {
            assertThat(Files.getLastModifiedTime(entry)).as("the cached pack was used").isGreaterThan(longAgo);
            assertThat(covenant.evaluate(List.of(Path.of("fixtures"))).results().stream()
                    .flatMap(r -> r.findings().stream().map(f -> dev.covenant.finding.Fingerprint.of(r.scenarioId(), f))).toList())
                    .as("the same findings as a fresh compile").isEqualTo(compiled);
        }
    }

    @Test
    void the_pack_shipped_in_the_jar_can_be_used_from_the_classpath() {
        try (Covenant covenant = Covenant.builder().classpathRules().build()) {
            assertThat(covenant.ready()).as("diagnostics: %s", covenant.diagnostics()).isTrue();
            assertThat(covenant.catalog()).hasSize(44);
            assertThat(covenant.evaluate(List.of(CHILDREN)).results().get(0).findings()).extracting(Finding::ruleId)
                    .containsExactly("CHILD-DATA-TRAINING");
        }
    }

    @Test
    void waivers_mark_findings_stop_them_failing_and_report_expired_and_stale_ones() {
        try (Covenant covenant = Covenant.builder().waivers(Path.of("src/test/resources/review/waivers.yaml"))
                .today(LocalDate.of(2026, 11, 29)).build()) {
            Report report = covenant.evaluate(List.of(CHILDREN, Path.of("fixtures/contract/notice-period.yaml")));

            Finding child = findings(report, "CHILD-DATA-TRAINING").get(0);
            assertThat(child.review().waived()).isTrue();
            assertThat(child.review().waiver().approver()).isEqualTo("Jane Doe, Deputy General Counsel");
            assertThat(findings(report, "NOTICE-PERIOD").get(0).review().waived()).as("its waiver expired").isFalse();
            assertThat(report.review().expired()).extracting(w -> w.ruleId()).containsExactly("NOTICE-PERIOD");
            assertThat(report.review().stale()).extracting(w -> w.ruleId()).containsExactly("SCA-DISCLOSURE");
            assertThat(report.exitCode(Severity.HIGH)).as("only the waived critical is at or above high").isZero();
            assertThat(report.exitCode(Severity.MEDIUM)).as("the medium NOTICE-PERIOD is not waived").isEqualTo(1);
        }
    }

    @Test
    void a_waiver_without_justification_or_expiry_is_invalid_input() {
        try (Covenant covenant = Covenant.builder().waivers(Path.of("src/test/resources/review/waivers-invalid.yaml")).build()) {
            Report report = covenant.evaluate(List.of(CHILDREN));

            assertThat(report.inputDiagnostics()).extracting(d -> d.where().line() + " " + d.message()).containsExactly(
                    "2 missing required key 'expires' in waivers[0]",
                    "2 missing required key 'justification' in waivers[0]");
            assertThat(report.exitCode(Severity.LOW)).isEqualTo(Report.EXIT_INVALID);
        }
    }

    @Test
    void a_baseline_counts_only_new_findings_and_lists_fixed_ones() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        try (Covenant first = Covenant.builder().build()) {
            Report before = first.evaluate(List.of(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml")));
            try (var out = Files.newBufferedWriter(baseline)) {
                new dev.covenant.report.JsonRenderer().render(before, out);
            }
        }
        try (Covenant covenant = Covenant.builder().baseline(baseline).build()) {
            Report same = covenant.evaluate(List.of(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml")));
            assertThat(same.exitCode(Severity.LOW)).as("nothing new").isZero();
            assertThat(same.results().get(0).findings()).allSatisfy(f -> assertThat(f.review().baseline())
                    .isEqualTo(dev.covenant.finding.Review.BaselineState.UNCHANGED));

            Report other = covenant.evaluate(List.of(Path.of("fixtures/linkedin/linkedin-2024-as-stated.yaml")));
            assertThat(other.review().fixed()).as("another scenario fixes none of this one's findings").isEmpty();

            // The same scenario (same id), changed to the facts as LinkedIn stated them: those findings are fixed.
            Path changed = Files.writeString(dir.resolve("changed.yaml"), Files.readString(Path.of("fixtures/linkedin/linkedin-2024-as-stated.yaml"))
                    .replace("scenario: linkedin-genai-2024-as-stated", "scenario: linkedin-genai-2024-as-alleged"));
            Report stated = covenant.evaluate(List.of(changed));
            assertThat(stated.review().fixed()).extracting(f -> f.ruleId())
                    .contains("SCA-DISCLOSURE", "PREMIUM-CONFIDENTIALITY", "UNDISCLOSED-CATEGORY");

            Report more = covenant.evaluate(List.of(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml"), CHILDREN));
            assertThat(more.summary().newFindings()).isEqualTo(1);
            assertThat(more.exitCode(Severity.LOW)).isEqualTo(1);
        }
    }

    private static Severity severity(Covenant covenant) {
        return covenant.evaluate(List.of(CHILDREN)).results().get(0).findings().get(0).severity();
    }

    private static List<Finding> findings(Report report, String id) {
        return report.results().stream().flatMap(r -> r.findings().stream()).filter(f -> f.ruleId().equals(id)).toList();
    }

    private static List<String> ids(Report report) {
        List<String> ids = new ArrayList<>();
        for (ScenarioResult r : report.results()) {
            r.findings().forEach(f -> ids.add(r.scenarioId() + " " + f.ruleId() + " " + f.message()));
        }
        return ids;
    }

}
