package dev.covenant.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Record dates are range-checked on input: a far-future change used to wrap in the history's packing and become a past one. */
class RecordDatesTest {

    @Test
    void dates_in_range_read_as_before() throws Exception {
        assertThat(RecordInputs.date("changed_at", "2024-09-18")).isEqualTo(LocalDate.of(2024, 9, 18));
        assertThat(RecordInputs.date("changed_at", "2024-09-18T23:00:00-05:00")).isEqualTo(LocalDate.of(2024, 9, 19));
        assertThat(RecordInputs.date("used_at", "1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(RecordInputs.date("used_at", "2999-12-31")).isEqualTo(LocalDate.of(2999, 12, 31));
    }

    @Test
    void far_future_and_far_past_dates_are_row_errors() {
        for (String text : new String[] {"+999999-01-01", "3000-01-01", "1899-12-31", "+100000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> RecordInputs.date("changed_at", text)).as(text)
                    .isInstanceOf(RowFormat.RowException.class)
                    .hasMessageContaining("changed_at: '" + text + "'");
        }
        assertThatThrownBy(() -> RecordInputs.date("changed_at", "3000-01-01")).hasMessage(
                "changed_at: '3000-01-01' is out of range (years 1900 to 2999)");
    }

    @Test
    void member_age_takes_ascii_digits_only() throws Exception {
        SettingsHistory none = SettingsHistory.empty(java.util.List.of());
        String[] row = {"r1", "m1", "free", "US", "user.content.private", "2021-01-01", "train_ai_system", "2024-10-01", null, null, null, "40"};
        assertThat(RecordInputs.use(row, "uses.csv", 2, none).memberAge()).isEqualTo(40);

        row[11] = "\u0664\u0660"; // Arabic-Indic 40, which Integer.valueOf reads as 40
        assertThatThrownBy(() -> RecordInputs.use(row, "uses.csv", 2, none)).isInstanceOf(RowFormat.RowException.class)
                .hasMessageContaining("is not a whole number of years");
    }
}
