package dev.covenant.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.classify.TextChange;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void a_taxonomy_key_is_within_itself_and_its_ancestors_only() {
        assertThat(Taxonomy.within("user.content.private", "user.content")).isTrue();
        assertThat(Taxonomy.within("user.content.private", "user.content.private")).isTrue();
        assertThat(Taxonomy.within("user.content", "user.content.private")).isFalse();
        assertThat(Taxonomy.within("user.contentious", "user.content")).isFalse();
        assertThat(Taxonomy.isCategory("user.childrens")).isTrue();
        assertThat(Taxonomy.isUse("train_ai_system")).isTrue();
        assertThat(Taxonomy.isCategory("user.content.privat")).isFalse();
    }

    @Test
    void regions_contain_subdivisions_member_states_and_groups() {
        assertThat(Region.within("US-CA", "US")).isTrue();
        assertThat(Region.within("US-NY", "US-CA")).isFalse();
        assertThat(Region.within("DE", "EU")).isTrue();
        assertThat(Region.within("DE", "EEA")).isTrue();
        assertThat(Region.within("EU", "EEA")).isTrue();
        assertThat(Region.within("NO", "EEA")).isTrue();
        assertThat(Region.within("NO", "EU")).isFalse();
        assertThat(Region.within("GB", "UK")).isTrue();
        assertThat(Region.within("UK", "EU")).isFalse();
        assertThat(Region.within("CH", "EEA")).isFalse();
        assertThat(Region.withinAny("US-CA", java.util.List.of())).as("no regions = everywhere").isTrue();
        assertThat(Region.isValid("US-CA")).isTrue();
        assertThat(Region.isValid("XX")).isFalse();
        assertThat(Region.isValid("EEA")).isTrue();
    }

    @Test
    void periods_compare_inclusively_and_close_open_ends_at_as_of() {
        Period practice = Period.since(LocalDate.of(2024, 8, 1));
        Period promise = new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 8, 1));

        assertThat(practice.overlaps(promise)).as("sharing one day overlaps").isTrue();
        assertThat(practice.overlaps(new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 7, 31)))).isFalse();
        assertThat(practice.closedBy(LocalDate.of(2025, 1, 21))).isEqualTo(new Period(LocalDate.of(2024, 8, 1), LocalDate.of(2025, 1, 21)));
        assertThat(practice.contains(LocalDate.of(2024, 8, 1))).isTrue();
        assertThat(practice.startsBefore(LocalDate.of(2024, 9, 18))).isTrue();
        assertThat(practice.startsBefore(LocalDate.of(2024, 8, 1))).isFalse();
    }

    @Test
    void a_practice_reaches_a_cohort_by_tier_region_and_time() {
        Cohort premiumCa = new Cohort("c", "premium", "US-CA", 10, Period.since(LocalDate.of(2015, 1, 1)), null);
        Practice practice = new Practice("p", "train_ai_system", java.util.List.of("user.content.private"),
                java.util.List.of("premium"), java.util.List.of("US"), true, java.util.List.of(), java.util.List.of(), null, null, null, null, null, null,
                Period.since(LocalDate.of(2024, 8, 1)), null, true, null, null);
        LocalDate asOf = LocalDate.of(2025, 1, 21);

        assertThat(practice.reaches(premiumCa, asOf)).isTrue();
        assertThat(practice.reaches(new Cohort("f", "free", "US-CA", 10, premiumCa.joined(), null), asOf)).isFalse();
        assertThat(practice.reaches(new Cohort("e", "premium", "DE", 10, premiumCa.joined(), null), asOf)).isFalse();
        assertThat(practice.reaches(new Cohort("later", "premium", "US-CA", 10, Period.since(LocalDate.of(2025, 6, 1)), null), asOf))
                .as("members who joined after the practice ended (closed by as_of)").isFalse();
        assertThat(practice.hasCategory("user.content")).isTrue();
        assertThat(practice.hasUse("train_ai_system")).isTrue();
    }

    @Test
    void a_notice_counts_for_an_edit_only_when_sent_after_the_earlier_text_and_by_the_capture() {
        LocalDate published = LocalDate.of(2024, 9, 18);
        Capture later = new Capture("policy", "v1", LocalDate.of(2024, 10, 15), "b".repeat(64), null);

        assertThat(change(published, published, later).noticed()).as("notice of publication").isFalse();
        assertThat(change(published, LocalDate.of(2024, 10, 1), later).noticed()).isTrue();
        assertThat(change(published, LocalDate.of(2024, 10, 16), later).noticed()).as("notice after the capture").isFalse();
    }

    @Test
    void notice_periods_count_days_from_notice_to_effect() {
        DocumentVersion v = new DocumentVersion("ua", "2", LocalDate.of(2024, 9, 18), LocalDate.of(2024, 10, 1),
                new Notice("email", LocalDate.of(2024, 9, 18)), null, null);

        assertThat(v.daysOfNotice()).isEqualTo(13L);
        assertThat(v.noticeShorterThan(30)).isTrue();
        assertThat(v.noticeShorterThan(13)).isFalse();
        assertThat(new DocumentVersion("ua", "3", v.published(), v.effective(), null, null, null).noticeShorterThan(1)).isTrue();
        assertThat(new DocumentVersion("ua", "4", LocalDate.of(2024, 9, 18), LocalDate.of(2024, 9, 1), null, null, null).backdated()).isTrue();
    }

    @Test
    void the_ai_act_summary_is_due_from_2025_08_02_for_new_models_and_2027_08_02_for_older_ones() {
        Model fresh = model(LocalDate.of(2025, 9, 1));
        Model legacy = model(LocalDate.of(2025, 3, 1));

        assertThat(fresh.trainingSummaryDueBy(LocalDate.of(2025, 9, 1))).isTrue();
        assertThat(fresh.onEuMarketBy(LocalDate.of(2025, 8, 31))).isFalse();
        assertThat(legacy.trainingSummaryDueBy(LocalDate.of(2027, 8, 1))).isFalse();
        assertThat(legacy.trainingSummaryDueBy(LocalDate.of(2027, 8, 2))).isTrue();
    }

    @Test
    void a_contract_promise_forbids_a_use_of_a_category_only_when_both_match() {
        Promise premium = new Promise("p", "clause", PromiseKind.CONTRACT, java.util.List.of("premium"),
                new Restriction(java.util.List.of("train_ai_system"), java.util.List.of("user.content.private")),
                java.util.List.of(), java.util.List.of(), Period.since(LocalDate.of(2020, 1, 1)), null);

        assertThat(premium.forbiddenCategoriesOf(practice("train_ai_system", "user.content.private", "user.content.public")))
                .containsExactly("user.content.private");
        assertThat(premium.forbids(practice("train_ai_system", "user.content.public"))).isFalse();
        assertThat(premium.forbids(practice("marketing.advertising", "user.content.private"))).isFalse();
    }

    private static TextChange change(LocalDate published, LocalDate noticeSent, Capture capture) {
        DocumentVersion version = new DocumentVersion("policy", "v1", published, published,
                new Notice("email", noticeSent), "a".repeat(64), null);
        return new TextChange(version, capture, version, version.textSha256());
    }

    private static Model model(LocalDate placed) {
        return new Model("m", true, java.util.List.of(), new MarketPlacement("EU", placed), false, null, null);
    }

    private static Practice practice(String use, String... categories) {
        return new Practice("x", use, java.util.List.of(categories), java.util.List.of(), java.util.List.of(),
                true, java.util.List.of(), java.util.List.of(), null, null, null, null, null, null, Period.since(LocalDate.of(2024, 1, 1)), null, true, null, null);
    }
}
