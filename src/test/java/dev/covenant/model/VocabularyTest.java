package dev.covenant.model;

import static org.assertj.core.api.Assertions.assertThat;

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
                java.util.List.of("premium"), java.util.List.of("US"), java.util.List.of(), null, null, null, null,
                Period.since(LocalDate.of(2024, 8, 1)), null);
        LocalDate asOf = LocalDate.of(2025, 1, 21);

        assertThat(practice.reaches(premiumCa, asOf)).isTrue();
        assertThat(practice.reaches(new Cohort("f", "free", "US-CA", 10, premiumCa.joined(), null), asOf)).isFalse();
        assertThat(practice.reaches(new Cohort("e", "premium", "DE", 10, premiumCa.joined(), null), asOf)).isFalse();
        assertThat(practice.reaches(new Cohort("later", "premium", "US-CA", 10, Period.since(LocalDate.of(2025, 6, 1)), null), asOf))
                .as("members who joined after the practice ended (closed by as_of)").isFalse();
        assertThat(practice.hasCategory("user.content")).isTrue();
        assertThat(practice.hasUse("train_ai_system")).isTrue();
    }
}
