package dev.covenant.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.model.Disclosure;
import dev.covenant.model.Practice;
import dev.covenant.model.Scenario;
import dev.covenant.model.Subject;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * When the GDPR asks that people be told (Art. 13 at obtaining or before a new purpose; Art. 14 within a month,
 * at the first disclosure if sooner, before a later practice begins), and what a notice must say to tell them in
 * full: read from scenarios as users write them, through the loader.
 */
class NoticeDueTest {

    private static Scenario load(String practice, String discloses) {
        String yaml = """
                scenario: s
                as_of: 2025-06-01
                platform: {name: x}
                members:
                  - {cohort: de, tier: free, region: DE, count: 10, joined: {from: 2021-03-01}}
                subjects:
                  - {id: scraped, region: FR, count: 5, source: public-web, since: 2024-11-10}
                  - {id: guests, region: NL, count: 5, source: directly, since: 2024-12-01}
                documents:
                  - id: d
                    kind: privacy-policy
                    versions:
                      - {version: "1", published: 2024-09-01, discloses: [%s]}
                practices:
                  - %s
                """.formatted(discloses, practice);
        LoadResult result = ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "s.yaml");
        assertThat(result.diagnostics()).isEmpty();
        return result.scenario();
    }

    private static Subject subject(Scenario s, String id) {
        return s.subjects().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void data_not_obtained_from_them_are_due_within_a_month_or_at_the_first_disclosure_if_sooner() {
        Scenario kept = load("{id: p, use: train_ai_system, categories: [user.content.public], subjects: [scraped], started: 2024-11-01}",
                "{use: train_ai_system}");
        NoticeDue month = NoticeDue.of(kept.practices().get(0), subject(kept, "scraped"));
        assertThat(month.fromThemselves()).isFalse();
        assertThat(month.due()).isEqualTo(LocalDate.of(2024, 12, 10));
        assertThat(month.dueBy()).isEqualTo("within one month of obtaining their data (by 2024-12-10)");

        Scenario shared = load("{id: p, use: train_ai_system, categories: [user.content.public], subjects: [scraped], started: 2024-11-01,"
                + " recipients: [{name: Lab, relationship: third-party}]}", "{use: train_ai_system}");
        NoticeDue disclosed = NoticeDue.of(shared.practices().get(0), subject(shared, "scraped"));
        assertThat(disclosed.due()).isEqualTo(LocalDate.of(2024, 11, 10));
        assertThat(disclosed.dueBy()).startsWith("when their data were first disclosed to a recipient");
    }

    @Test
    void a_practice_begun_after_the_time_limit_is_due_before_it_begins_and_art_13_people_when_obtained() {
        Scenario later = load("{id: p, use: train_ai_system, categories: [user.content.public], subjects: [scraped, guests], started: 2025-03-01}",
                "{use: train_ai_system}");
        Practice practice = later.practices().get(0);
        assertThat(NoticeDue.of(practice, subject(later, "scraped")).due()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(NoticeDue.of(practice, subject(later, "scraped")).dueBy()).startsWith("before the practice began on 2025-03-01");

        NoticeDue guests = NoticeDue.of(practice, subject(later, "guests"));
        assertThat(guests.fromThemselves()).isTrue();
        assertThat(guests.due()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(guests.toldOn()).isNull();

        NoticeDue members = NoticeDue.of(practice, later.cohorts().get(0));
        assertThat(members.due()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(members.toldOn()).as("members are told by what is published").isEqualTo(members.due());
    }

    @Test
    void a_notice_tells_in_full_only_with_the_basis_relied_on_and_every_kind_of_outside_recipient() {
        String practice = "{id: p, use: train_ai_system, categories: [user.content.public], legal_basis: legitimate-interest, started: 2024-11-01,"
                + " recipients: [{name: Cloud, relationship: processor, purpose: host}, {name: Us, relationship: self}]}";
        Disclosure purposeOnly = load(practice, "{use: train_ai_system}").disclosures().get(0);
        Scenario s = load(practice, "{use: train_ai_system, legal_basis: consent, recipients: [processor]}");
        Disclosure otherBasis = s.disclosures().get(0);
        Disclosure full = load(practice, "{use: train_ai_system, categories: [user.content.public], legal_basis: legitimate-interest, recipients: [processor]}").disclosures().get(0);
        Practice p = s.practices().get(0);

        assertThat(purposeOnly.missingFor(p)).containsExactly("the legal basis", "the recipients (processor)");
        assertThat(otherBasis.missingFor(p)).containsExactly("the legal basis");
        assertThat(full.tellsInFull(p, "user.content.public")).isTrue();
        assertThat(full.tellsInFull(p, "user.content.private")).as("a category it does not cover").isFalse();
    }
}
