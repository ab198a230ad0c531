package dev.covenant.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Region mistakes the loader can see: places written by name, and bare country codes a US-facing scenario meant as states. */
class RegionHintsTest {

    private static final String SCENARIO = """
            scenario: s
            as_of: 2025-01-21
            platform: {name: Example}
            members:
              - {cohort: a, tier: free, region: %s, count: 10, joined: {from: 2015-01-01}}
              - {cohort: b, tier: free, region: %s, count: 10, joined: {from: 2015-01-01}}
            """;

    @ParameterizedTest
    @CsvSource({"Germany, DE", "United States, US", "California, US-CA", "Switzerland, CH", "Great Britain, UK",
        "United Kingdom, UK", "germany, DE", "de, DE", "us-ca, US-CA", "Germny, DE"})
    void a_place_written_by_name_is_an_error_that_suggests_its_code(String written, String code) {
        LoadResult loaded = load(written, "FR");

        assertThat(loaded.isValid()).isFalse();
        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.format()).startsWith("s.yaml:5:37: error: 'region' in members[0]: unknown region '" + written + "'")
                    .contains("(did you mean '" + code + "'?)");
        });
    }

    @Test
    void a_name_two_places_share_suggests_both() {
        assertThat(load("Georgia", "FR").diagnostics().get(0).message()).contains("(did you mean 'GE' or 'US-GA'?)");
    }

    @Test
    void canada_in_a_us_facing_scenario_warns_at_the_code_and_suggests_california_but_still_loads() {
        LoadResult loaded = load("US", "CA");

        assertThat(loaded.isValid()).isTrue();
        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.warnings()).singleElement().satisfies(w -> {
            assertThat(w.isWarning()).isTrue();
            assertThat(w.format()).startsWith("s.yaml:6:37: warning: 'region' in members[1]: 'CA' is the country Canada")
                    .contains("did you mean 'US-CA' (California)?");
        });
        assertThat(loaded.scenario().warnings()).isEqualTo(loaded.warnings());
    }

    @ParameterizedTest
    @CsvSource({"DE, US-DE, Delaware", "IN, US-IN, Indiana", "PA, US-PA, Pennsylvania", "GE, US-GA, Georgia",
        "MA, US-MA, Massachusetts", "CO, US-CO, Colorado"})
    void other_codes_a_us_state_shares_warn_in_a_us_facing_scenario(String code, String state, String name) {
        assertThat(load("US-NY", code).warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("did you mean '" + state + "' (" + name + ")?"));
    }

    @ParameterizedTest
    @CsvSource({"CA, FR", "DE, EU", "CA, US-CA", "US, FR", "US-CA, JP"})
    void nothing_is_said_when_the_scenario_is_not_us_facing_or_writes_the_state_too(String a, String b) {
        assertThat(load(a, b).warnings()).isEmpty();
    }

    @Test
    void a_warning_prints_as_a_warning_and_the_two_argument_form_is_still_an_error() {
        SourceSpan at = SourceSpan.of("f.yaml", 3, 7);

        assertThat(Diagnostic.warning(at, "m").format()).isEqualTo("f.yaml:3:7: warning: m");
        assertThat(new Diagnostic(at, "m").format()).isEqualTo("f.yaml:3:7: error: m");
        assertThat(new Diagnostic(at, "m").isError()).isTrue();
    }

    private static LoadResult load(String first, String second) {
        return ScenarioLoader.parse(SCENARIO.formatted(first, second).getBytes(StandardCharsets.UTF_8), "s.yaml");
    }
}
