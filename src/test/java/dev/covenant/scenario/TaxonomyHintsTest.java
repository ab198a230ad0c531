package dev.covenant.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.model.Taxonomy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An unknown taxonomy key is answered with the nearest real one: by spelling, else by shared segments. */
class TaxonomyHintsTest {

    @Test
    void a_use_written_with_the_words_of_a_key_in_another_order_suggests_that_key() {
        String yaml = """
                scenario: s
                as_of: 2025-01-21
                platform: {name: Example}
                practices:
                  - {id: p, use: improve.system, started: 2024-08-01}
                """;

        LoadResult loaded = ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "s.yaml");

        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> assertThat(d.format())
                .startsWith("s.yaml:5:18: error: 'use' in practices[0]: unknown data use 'improve.system' (did you mean 'functional.service.improve'?)"));
    }

    @ParameterizedTest
    @CsvSource({"improve.system, functional.service.improve", "train_ai, train_ai_system", "ai.training, train_ai_system",
        "advertising.first_party, marketing.advertising.first_party"})
    void uses(String typed, String expected) {
        assertThat(TaxonomyHints.nearest(typed, Taxonomy.uses())).isEqualTo(expected);
        assertThat(Taxonomy.isUse(expected)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"user.content.privat, user.content.private", "private.content, user.content.private",
        "contact.email, user.contact.email"})
    void categories(String typed, String expected) {
        assertThat(TaxonomyHints.nearest(typed, Taxonomy.categories())).isEqualTo(expected);
        assertThat(TaxonomyHints.category(typed)).isEqualTo(" (did you mean '" + expected + "'?)");
    }

    @ParameterizedTest
    @CsvSource({"employe, employee", "applicant, job_applicant", "vendor, supplier_vendor"})
    void subjects(String typed, String expected) {
        assertThat(TaxonomyHints.subject(typed)).isEqualTo(" (did you mean '" + expected + "'?)");
    }

    @Test
    void nothing_is_suggested_for_words_no_key_has() {
        assertThat(TaxonomyHints.use("quux.frobnicate")).isEmpty();
    }
}
