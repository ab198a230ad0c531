package dev.covenant.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Where the parts of rule pack v2 meet (#18): scenarios a review built against the merged pack, each once judged
 * wrongly — a default switched off before a practice read as no consent, an order's exposure counting the gap
 * between violations, a notice judged before the GDPR applied, guests counted as having been asked, members a
 * practice never touched counted for a default, a parent's opt-in not read as a parent's consent.
 */
class SeamsTest {

    private final Evaluator evaluator = new Evaluator(ShippedRules.get(), Limits.DEFAULT);

    @Test
    void a_default_switched_off_before_the_practice_began_leaves_every_member_who_has_it_on_consenting() {
        assertThat(run("sca-flip-off").findings()).as("members turned it on themselves: no SCA, no opt-out finding").isEmpty();
    }

    @Test
    void an_order_violated_twice_counts_the_days_of_each_violation_and_not_the_gap_between() {
        Finding order = only(run("order-gap2"), "PRIOR-ORDER-VIOLATION");
        // 2023-03-01..03-31 (31 days) and 2025-02-20..2025-03-01 (10 days), at the 2025 maximum of USD 53,088.
        assertThat(order.exposure().amount()).isEqualTo(41L * 53_088);
        assertThat(order.exposure().basis()).contains("× 41 days of violation");
    }

    @Test
    void a_notice_in_full_before_the_gdpr_applied_is_in_time_for_processing_that_began_before_it() {
        assertThat(run("t-pregdpr").findings()).extracting(Finding::ruleId).doesNotContain("GDPR-TRANSPARENCY");
    }

    @Test
    void invalid_consent_counts_the_members_asked_not_the_people_who_are_not_members() {
        Finding invalid = only(run("subj-consent"), "GDPR-INVALID-CONSENT");
        assertThat(invalid.message()).contains("affecting 1,000 members in the EEA or the UK");
    }

    @Test
    void a_default_decides_nothing_for_members_no_practice_it_governs_reaches() {
        assertThat(run("pbd-us-only").findings()).extracting(Finding::ruleId).doesNotContain("PRIVACY-BY-DEFAULT");
    }

    @Test
    void a_parents_opt_in_on_a_parental_consent_basis_is_a_parents_consent() {
        assertThat(run("child-pc-optin").findings()).extracting(Finding::ruleId).doesNotContain("GDPR-CHILD-CONSENT");
    }

    private ScenarioResult run(String name) {
        Path file = Path.of("src/test/resources/scenarios/seams", name + ".yaml");
        var loaded = ScenarioLoader.load(file, file.toString());
        assertThat(loaded.diagnostics()).as(name).filteredOn(d -> d.isError()).isEmpty();
        return evaluator.evaluate(loaded.scenario());
    }

    private static Finding only(ScenarioResult result, String rule) {
        var found = result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertThat(found).as(rule).hasSize(1);
        return found.get(0);
    }
}
