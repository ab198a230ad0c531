package dev.covenant.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.model.Period;
import dev.covenant.model.Setting;
import dev.covenant.model.Setting.DefaultChange;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A setting whose default changed, or that was withdrawn, read the same way by the scenario rules
 * ({@link Setting#defaultOnPeriods()}, {@link Setting#defaultOn()}) and by the record audit (the default on the
 * use date, for members who have not chosen).
 */
class SettingDefaultHistoryTest {

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    /** Off at introduction, on from June, off again from September, withdrawn at the new year. */
    private static final Setting ADS = new Setting("ads", d("2024-01-01"), false,
            List.of(new DefaultChange(d("2024-06-01"), true, null), new DefaultChange(d("2024-09-01"), false, null)),
            d("2025-01-01"), List.of("marketing.advertising"), List.of(), null, null);

    @Test
    void the_default_on_a_day_follows_the_changes_and_ends_with_the_withdrawal() {
        assertThat(ADS.defaultOnAt(d("2023-12-31"))).as("before introduction").isFalse();
        assertThat(ADS.defaultOnAt(d("2024-05-31"))).isFalse();
        assertThat(ADS.defaultOnAt(d("2024-06-01"))).isTrue();
        assertThat(ADS.defaultOnAt(d("2024-08-31"))).isTrue();
        assertThat(ADS.defaultOnAt(d("2024-09-01"))).isFalse();
        assertThat(ADS.existsOn(d("2024-12-31"))).isTrue();
        assertThat(ADS.existsOn(d("2025-01-01"))).as("withdrawn").isFalse();
        assertThat(ADS.defaultOnPeriods()).containsExactly(new Period(d("2024-06-01"), d("2024-08-31")));
        assertThat(ADS.defaultOn()).isTrue();
    }

    @Test
    void a_default_never_on_is_not_on_and_one_on_until_withdrawn_closes_with_the_withdrawal() {
        Setting optIn = new Setting("opt-in", d("2024-01-01"), false, List.of("marketing"), List.of(), null, null);
        assertThat(optIn.defaultOn()).isFalse();
        assertThat(optIn.defaultOnPeriods()).isEmpty();

        Setting onThenGone = new Setting("gone", d("2024-01-01"), true, List.of(), d("2024-03-01"), List.of("marketing"),
                List.of(), null, null);
        assertThat(onThenGone.defaultOnPeriods()).containsExactly(new Period(d("2024-01-01"), d("2024-02-29")));
        // Known on 2024-02-01, the withdrawal had not happened: on, open-ended.
        assertThat(onThenGone.knownOn(d("2024-02-01")).defaultOnPeriods()).containsExactly(Period.since(d("2024-01-01")));
    }

    @Test
    void the_record_audit_reads_the_default_on_the_use_date_and_nothing_once_withdrawn() {
        SettingsHistory history = SettingsHistory.empty(List.of(ADS));

        assertThat(history.at("m1", "US", "marketing.advertising", d("2024-05-15")))
                .singleElement().satisfies(s -> assertThat(s.onByDefault()).isFalse());
        assertThat(history.at("m1", "US", "marketing.advertising", d("2024-07-15")))
                .singleElement().satisfies(s -> {
                    assertThat(s.onByDefault()).as("the switch to on reached a member who had not chosen").isTrue();
                    assertThat(s.affirmative()).isFalse();
                });
        assertThat(history.at("m1", "US", "marketing.advertising", d("2024-10-15")))
                .singleElement().satisfies(s -> assertThat(s.on()).isFalse());
        assertThat(history.at("m1", "US", "marketing.advertising", d("2025-02-01"))).as("withdrawn: governs nothing").isEmpty();
    }
}
