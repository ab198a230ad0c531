package dev.covenant.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.model.Practice;
import dev.covenant.model.Promise;
import dev.covenant.model.Scenario;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A specific statement controls a generic disclosure: read from scenarios written as users write them,
 * through the loader, as the classification rule reads them.
 */
class FirstDisclosureTest {

    private static final String HEAD = """
            scenario: s
            as_of: 2025-03-01
            platform: {name: x}
            documents:
              - id: policy
                kind: privacy-policy
                versions:
                  - {version: "1", published: 2019-06-01, discloses: [{use: marketing.advertising}]}
            practices:
              - {id: ads, use: marketing.advertising.third_party.targeted, categories: [user.contact.phone_number], tiers: [free], started: 2021-03-01}
            promises:
            """;

    @Test
    void statements_in_force_one_after_another_hold_the_disclosure_back_until_the_last_ends() {
        FirstDisclosure first = read("""
                  - {id: a, source: prompt, kind: collection-prompt, since: 2020-01-01, until: 2021-12-31,
                     limits_to: {categories: [user.contact], uses: [essential.service.security]}}
                  - {id: b, source: faq, kind: public-statement, since: 2021-06-01, until: 2022-06-30,
                     forbids: {uses: [marketing.advertising], categories: [user.contact.phone_number]}}
                """);

        assertThat(first.countsFrom()).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThat(first.countsOn(LocalDate.of(2021, 3, 1))).isFalse();
        assertThat(first.countsOn(LocalDate.of(2022, 7, 1))).isTrue();
        assertThat(first.controlling()).extracting(Promise::id).containsExactly("a", "b");
        assertThat(first.controlNote()).contains("policy@1 discloses it generally, but specific statements control: 'a' (collection-prompt in force 2020-01-01 to 2021-12-31, \"prompt\") limits user.contact to essential.service.security; 'b'");
    }

    @Test
    void an_open_statement_in_force_when_the_practice_starts_keeps_the_disclosure_from_ever_counting() {
        FirstDisclosure first = read("""
                  - {id: a, source: prompt, kind: collection-prompt, since: 2020-01-01,
                     limits_to: {categories: [user.contact.phone_number], uses: [essential.service]}}
                """);

        assertThat(first.counted()).isFalse();
        assertThat(first.controlled()).isTrue();
    }

    @Test
    void a_statement_that_allows_the_use_made_to_another_tier_or_by_contract_binds_nothing_away() {
        String allows = "  - {id: a, source: p, kind: collection-prompt, since: 2020-01-01,"
                + " limits_to: {categories: [user.contact], uses: [marketing]}}\n";
        String otherTier = "  - {id: b, source: p, kind: public-statement, tiers: [premium], since: 2020-01-01,"
                + " limits_to: {categories: [user.contact], uses: [essential]}}\n";
        String contract = "  - {id: c, source: p, kind: contract, since: 2020-01-01,"
                + " forbids: {uses: [marketing], categories: [user.contact]}}\n";
        for (String promise : List.of(allows, otherTier, contract)) {
            FirstDisclosure first = read(promise);
            assertThat(first.statements()).as(promise).isEmpty();
            assertThat(first.countsFrom()).as(promise).isEqualTo(LocalDate.of(2019, 6, 1));
            assertThat(first.controlNote()).as(promise).isEmpty();
        }
    }

    private static FirstDisclosure read(String promises) {
        LoadResult loaded = ScenarioLoader.parse((HEAD + promises).getBytes(StandardCharsets.UTF_8), "s.yaml");
        assertThat(loaded.diagnostics()).isEmpty();
        Scenario s = loaded.scenario();
        Practice practice = s.practices().get(0);
        String category = practice.categories().get(0);
        List<Promise> binding = s.promises().stream().filter(p -> p.bindsAway(practice, category)).toList();
        return FirstDisclosure.of(practice, category, s.disclosures().get(0), binding, List.of(), s.asOf());
    }
}
