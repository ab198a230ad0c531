package dev.covenant.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExposureFormulaTest {

    private static final String PENALTY = "up to 51744 USD per day of violation from 2024-01-10, 53088 USD from 2025-01-17";

    @Test
    void a_dated_amount_is_the_one_in_effect_on_the_assessment_date_and_the_text_shows_the_days_and_the_date() {
        ExposureFormula formula = ExposureFormula.parse(PENALTY, "16 C.F.R. § 1.98(c)").orElseThrow();

        Exposure assessed2025 = formula.times(412, LocalDate.of(2025, 3, 1)).orElseThrow();
        Exposure assessed2024 = formula.times(412, LocalDate.of(2025, 1, 16)).orElseThrow();

        assertThat(assessed2025.amount()).isEqualTo(53_088L * 412);
        assertThat(assessed2025.basis()).isEqualTo(
                "16 C.F.R. § 1.98(c): up to 53,088 USD (in effect from 2025-01-17, assessed as of 2025-03-01) × 412 days of violation, a ceiling");
        assertThat(assessed2024.amount()).as("the day before the 2025 adjustment").isEqualTo(51_744L * 412);
    }

    @Test
    void no_amount_is_stated_before_the_first_dated_one() {
        ExposureFormula formula = ExposureFormula.parse(PENALTY, null).orElseThrow();

        assertThat(formula.times(10, LocalDate.of(2024, 1, 9))).isEmpty();
        assertThat(formula.times(10, LocalDate.of(2024, 1, 10))).map(Exposure::amount).contains(517_440L);
    }

    @Test
    void dates_out_of_order_or_mixed_currencies_do_not_read_as_a_formula() {
        assertThat(ExposureFormula.parse("up to 2 USD per day of violation from 2025-01-17, 1 USD from 2024-01-10", null)).isEmpty();
        assertThat(ExposureFormula.parse("2 USD per day of violation from 2024-01-10, 1 EUR from 2025-01-10", null)).isEmpty();
        assertThat(ExposureFormula.parse("2 USD per day of violation from 2024-02-30", null)).isEmpty();
    }

    @Test
    void an_undated_formula_reads_and_renders_as_before() {
        ExposureFormula formula = ExposureFormula.parse("1000 USD per US member reached", "18 U.S.C. § 2707(c)").orElseThrow();

        assertThat(formula.times(6_000_000).basis()).isEqualTo("18 U.S.C. § 2707(c) × 6,000,000 US members reached");
        assertThat(formula.times(5, LocalDate.of(1990, 1, 1))).map(Exposure::amount).contains(5_000L);
        assertThat(formula).hasToString("1000 USD per US member reached");
        assertThat(ExposureFormula.parse(PENALTY, null).orElseThrow()).hasToString(PENALTY);
    }

    @Test
    void per_person_reached_counts_as_members_reached_do_and_says_people() {
        ExposureFormula formula = ExposureFormula.parse("1000 USD per US-IL person reached", "740 ILCS 14/20(1)").orElseThrow();

        assertThat(formula.unit()).isEqualTo(ExposureFormula.Unit.PERSON_REACHED);
        assertThat(formula.times(10).basis()).isEqualTo("740 ILCS 14/20(1) × 10 US-IL people reached");
        assertThat(formula.times(10).amount()).isEqualTo(10_000L);
        assertThat(formula).hasToString("1000 USD per US-IL person reached");
        assertThat(ExposureFormula.parse("1000 USD per US-IL persons reached", null)).isEmpty();
    }
}
