package dev.covenant.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.Covenant;
import dev.covenant.model.Ages;
import dev.covenant.model.SubjectSource;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** People who are not members ({@code subjects[]}) and cohort ages, as the loader reads them and findings count them. */
class PeopleFormatTest {

    private static final String HEAD = "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\n";

    @Test
    void subjects_are_typed_and_a_practice_names_the_ones_it_touches() {
        LoadResult ok = parse(HEAD + "subjects:\n  - {id: pictured, region: FR, count: 5000, source: members, since: 2023-02-01}\n"
                + "practices:\n  - {id: scrape, use: train_ai_system, members: false, subjects: [pictured], started: 2024-01-01}\n");

        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.scenario().subjects()).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo(SubjectSource.MEMBERS);
            assertThat(s.since()).isEqualTo(LocalDate.of(2023, 2, 1));
            assertThat(s.span().path()).isEqualTo("subjects[0]");
        });
        assertThat(ok.scenario().practices().get(0).subjects()).containsExactly("pictured");
        assertThat(ok.scenario().practices().get(0).touchesMembers()).isFalse();
    }

    @Test
    void a_misspelt_subject_key_a_bad_source_and_a_dangling_reference_are_each_named_with_a_suggestion() {
        LoadResult bad = parse(HEAD + "subjects:\n  - {id: pictured, region: FR, count: 5, sorce: members, since: 2023-02-01}\n"
                + "  - {id: scraped, region: FR, count: 5, source: scraping, since: 2023-02-01}\n"
                + "practices:\n  - {id: p, use: train_ai_system, subjects: [picturd], started: 2024-01-01}\n");

        assertThat(bad.diagnostics()).extracting(d -> d.where().line() + ": " + d.message()).anySatisfy(m -> assertThat(m)
                .startsWith("5: ").contains("unknown key 'sorce'", "did you mean 'source'?"))
                .anySatisfy(m -> assertThat(m).startsWith("6: ").contains("scraping", "public-web"))
                .anySatisfy(m -> assertThat(m).startsWith("8: ").contains("subject 'picturd'", "did you mean 'pictured'?"));
    }

    @Test
    void a_practice_that_touches_no_members_reaches_no_cohort() throws Exception {
        // The same practice on children's data draws CHILD-DATA-TRAINING for the US members it reaches, and nothing
        // once it says it touches no members: members: false keeps it off every cohort.
        String yaml = HEAD + "members:\n  - {cohort: us, tier: free, region: US, count: 10, joined: {from: 2020-01-01}}\n"
                + "subjects:\n  - {id: pictured, region: US-CA, count: 5000, source: members, since: 2023-02-01}\n"
                + "practices:\n  - {id: p, use: train_ai_system, categories: [user.childrens], subjects: [pictured], started: 2024-01-01";
        try (Covenant covenant = Covenant.builder().rules(java.nio.file.Path.of("rules")).build()) {
            assertThat(covenant.evaluate(parse(yaml + "}\n").scenario()).findings())
                    .extracting(f -> f.ruleId()).contains("CHILD-DATA-TRAINING");
            assertThat(covenant.evaluate(parse(yaml + ", members: false}\n").scenario()).findings())
                    .extracting(f -> f.ruleId()).doesNotContain("CHILD-DATA-TRAINING");
        }
    }

    @Test
    void cohort_ages_are_whole_years_from_youngest_to_oldest() {
        LoadResult ok = parse(HEAD + "members:\n  - {cohort: teens, tier: free, region: DE, count: 10, joined: {from: 2020-01-01}, ages: {from: 13, to: 17}}\n");
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.scenario().cohorts().get(0).ages()).isEqualTo(new Ages(13, 17));
        assertThat(ok.scenario().cohorts().get(0).someYoungerThan(16)).isTrue();
        assertThat(ok.scenario().cohorts().get(0).someYoungerThan(13)).isFalse();

        LoadResult bad = parse(HEAD + "members:\n  - {cohort: t, tier: free, region: DE, count: 10, joined: {from: 2020-01-01}, ages: {from: 13, to: 9}}\n"
                + "  - {cohort: u, tier: free, region: DE, count: 10, joined: {from: 2020-01-01}, ages: {from: 13, to: 300}}\n"
                + "  - {cohort: v, tier: free, region: DE, count: 10, joined: {from: 2020-01-01}, ages: {form: 13, to: 19}}\n");
        assertThat(bad.diagnostics()).extracting(d -> d.where().line() + ": " + d.message()).containsExactlyInAnyOrder(
                "5: 'to' (9) is below 'from' (13) in members[0].ages",
                "6: 'to' in members[1].ages: 300 is not an age (at most 130)",
                "7: missing required key 'from' in members[2].ages",
                "7: unknown key 'form' in members[2].ages (did you mean 'from'?); expected one of: from, to");
    }

    private static LoadResult parse(String yaml) {
        return ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "people.yaml");
    }
}
