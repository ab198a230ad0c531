package dev.covenant.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.cli.Main;
import dev.covenant.generate.RecordGenerator;
import dev.covenant.model.Setting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings history orders a member's changes by their instants, not by their rows (#15 item 17),
 * rejects changes whose order is unknown, and holds histories past 65,536 changes a member (item 18).
 */
class SettingsHistoryOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCENARIO = "fixtures/linkedin/linkedin-2024-as-alleged.yaml";
    private static final String SETTING = "data-for-genai-improvement";
    private static final String HEADER = RecordGenerator.SETTINGS_HEADER + "\n";

    @TempDir
    Path dir;

    @Test
    void an_opt_out_written_with_an_offset_that_falls_after_a_later_row_is_the_last_change() throws IOException {
        // 23:00-05:00 is 04:00Z on 09-02, after the next row's 01:00Z: the member's last word was off.
        Path history = write("history.csv", HEADER
                + "m1," + SETTING + ",off,2024-09-01T23:00-05:00\n"
                + "m1," + SETTING + ",on,2024-09-02T01:00Z\n");
        Run run = audit(history, use("r1", "m1", "2024-10-01"));

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(rules(run)).containsExactly("REC-USE-AFTER-OPT-OUT");
    }

    @Test
    void changes_are_ordered_by_instant_whatever_the_rows_order() throws IOException {
        Path history = write("history.csv", HEADER
                + "m1," + SETTING + ",on,2024-09-20\n"
                + "m1," + SETTING + ",off,2024-09-01\n");
        assertThat(rules(audit(history, use("r1", "m1", "2024-10-01")))).isEmpty(); // on since 09-20: no finding
        assertThat(rules(audit(history, use("r1", "m1", "2024-09-10")))).containsExactly("REC-USE-AFTER-OPT-OUT");
    }

    @Test
    void the_same_setting_both_on_and_off_at_one_instant_is_a_diagnostic_for_each_row_and_neither_is_used() throws IOException {
        Path history = write("history.csv", HEADER
                + "m1," + SETTING + ",off,2024-09-01T10:00:00Z\n"
                + "m2," + SETTING + ",off,2024-09-01\n"
                + "m1," + SETTING + ",on,2024-09-01T12:00:00+02:00\n");
        Run run = audit(history, use("r1", "m1", "2024-10-01"));

        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(history + ":2: error: member 'm1' set '" + SETTING + "' both on and off at 2024-09-01T10:00:00Z",
                history + ":4: error: member 'm1' set '" + SETTING + "' both on and off at 2024-09-01T10:00:00Z",
                "which came last is unknown, so neither is used");
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.at("/inputs/history_invalid_rows").asLong()).isEqualTo(2);
        assertThat(summary.at("/inputs/history_rows").asLong()).isEqualTo(1);
        assertThat(summary.at("/inputs/history_members").asLong()).as("m1 has no usable change").isEqualTo(1);
    }

    @Test
    void a_date_alone_against_a_timed_change_that_day_with_the_other_value_cannot_be_ordered() throws IOException {
        Path history = write("history.csv", HEADER
                + "m1," + SETTING + ",off,2024-09-01\n"
                + "m1," + SETTING + ",on,2024-09-01T18:00Z\n"
                + "m2," + SETTING + ",off,2024-09-01\n"
                + "m2," + SETTING + ",off,2024-09-01T18:00Z\n");
        Run run = audit(history, use("r1", "m1", "2024-10-01"), use("r2", "m2", "2024-10-01"));

        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(history + ":2: error: member 'm1' set '" + SETTING + "' both on and off on 2024-09-01",
                history + ":3: error: member 'm1'", "cannot be ordered within the day")
                .doesNotContain("member 'm2'");
        // m1's changes are not used, so the default (on) stands; m2's agree and are kept.
        assertThat(rules(run)).containsExactly("REC-NO-AFFIRMATIVE-CONSENT", "REC-USE-AFTER-OPT-OUT");
    }

    @Test
    void a_member_with_more_than_65536_changes_is_audited() throws IOException {
        // The history used to number a member's changes in 16 bits and end in "internal error" here.
        StringBuilder text = new StringBuilder(HEADER);
        LocalDate day = LocalDate.of(1950, 1, 1);
        int changes = 70_000;
        for (int i = 0; i < changes; i++) {
            text.append("m1,").append(SETTING).append(i % 2 == 0 ? ",on," : ",off,").append(day.plusDays(i / 2)).append('T')
                    .append(i % 2 == 0 ? "08:00Z" : "20:00Z").append('\n');
        }
        Path history = write("history.csv", text.toString());
        // The last change (i = 69,999, off) is on 1950-01-01 + 34,999 days; the use is the day after.
        LocalDate last = day.plusDays((changes - 1) / 2);
        // r2 is used in 2030, after the setting was introduced; every day of the history ends off.
        Run run = audit(history, use("r1", "m1", last.plusDays(1).toString()), use("r2", "m1", "2030-01-02"));

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("internal error");
        assertThat(rules(run)).containsExactly("REC-USE-AFTER-OPT-OUT", "REC-USE-AFTER-OPT-OUT");
        assertThat(JSON.readTree(dir.resolve("out/summary.json").toFile()).at("/inputs/history_rows").asLong()).isEqualTo(changes);
    }

    @Test
    void a_change_on_the_use_date_is_noted_not_counted_and_the_days_around_it_are_not_the_use_date() throws Exception {
        Setting setting = dev.covenant.scenario.ScenarioLoader.load(Path.of(SCENARIO), SCENARIO).scenario().settings().get(0);
        SettingsHistory.Builder builder = new SettingsHistory.Builder(List.of(setting), Long.MAX_VALUE);
        long day = LocalDate.of(2024, 10, 1).toEpochDay() * 86_400_000L;
        builder.add("at-midnight", setting.id(), false, new SettingsHistory.ChangedAt(day, false), 2);
        builder.add("last-milli", setting.id(), false, new SettingsHistory.ChangedAt(day + 86_399_999L, false), 3);
        builder.add("day-before", setting.id(), false, new SettingsHistory.ChangedAt(day - 1, false), 4);
        builder.add("day-after", setting.id(), false, new SettingsHistory.ChangedAt(day + 86_400_000L, false), 5);
        builder.add("both", setting.id(), false, new SettingsHistory.ChangedAt(day - 86_400_000L, false), 6);
        builder.add("both", setting.id(), true, new SettingsHistory.ChangedAt(day + 3_600_000L, false), 7);
        SettingsHistory history = builder.build();
        LocalDate use = LocalDate.of(2024, 10, 1);

        for (String member : List.of("at-midnight", "last-milli")) {
            SettingAtUse state = history.at(member, "US", "train_ai_system", use).get(0);
            assertThat(state.byMember()).as(member).isFalse();
            assertThat(state.on()).as(member + ": the default stands").isTrue();
            assertThat(state.changedOnUseDate()).as(member).isTrue();
        }
        SettingAtUse before = history.at("day-before", "US", "train_ai_system", use).get(0);
        assertThat(before.optedOut()).isTrue();
        assertThat(before.changedOnUseDate()).isFalse();
        assertThat(history.at("day-after", "US", "train_ai_system", use).get(0).changedOnUseDate()).isFalse();
        SettingAtUse both = history.at("both", "US", "train_ai_system", use).get(0);
        assertThat(both.optedOut()).as("off the day before; turned on again during the use date").isTrue();
        assertThat(both.changedOnUseDate()).isTrue();
        assertThat(history.at("no-history", "US", "train_ai_system", use).get(0).changedOnUseDate()).isFalse();
    }

    @Test
    void changes_past_the_per_member_limit_are_each_a_row_error_and_the_rest_are_kept() throws Exception {
        Setting setting = dev.covenant.scenario.ScenarioLoader.load(Path.of(SCENARIO), SCENARIO).scenario().settings().get(0);
        SettingsHistory.Builder builder = new SettingsHistory.Builder(List.of(setting), Long.MAX_VALUE);
        long start = LocalDate.of(1950, 1, 1).toEpochDay() * 86_400_000L;
        for (int i = 0; i < SettingsHistory.MAX_CHANGES_PER_MEMBER; i++) {
            builder.add("m1", setting.id(), i % 2 == 0, new SettingsHistory.ChangedAt(start + i * 60_000L, false), i + 2);
        }
        assertThatThrownBy(() -> builder.add("m1", setting.id(), true, new SettingsHistory.ChangedAt(start, false), 1_000_002))
                .isInstanceOf(RowFormat.RowException.class).hasMessage("member 'm1' has more than 1,000,000 setting changes; the rest are not used");
        assertThat(builder.add("m2", setting.id(), true, new SettingsHistory.ChangedAt(start, false), 1_000_003)).isTrue();
        SettingsHistory history = builder.build();
        assertThat(history.rows()).isEqualTo(SettingsHistory.MAX_CHANGES_PER_MEMBER + 1);
        assertThat(builder.rejected()).isEmpty();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String use(String record, String member, String day) {
        return record + "," + member + ",free,US,user.content.public,,train_ai_system," + day + ",,self,,";
    }

    private Run audit(Path history, String... uses) throws IOException {
        Path out = dir.resolve("out");
        Path file = write("uses.csv", RecordGenerator.USES_HEADER + "\n" + String.join("\n", uses) + "\n");
        List<String> all = new ArrayList<>(List.of("audit", "-q", "--scenario", SCENARIO, "--out", out.toString(),
                "--records", file.toString(), "--settings-history", history.toString()));
        StringWriter e = new StringWriter();
        int code = Main.execute(new PrintWriter(Writer.nullWriter()), new PrintWriter(e), all.toArray(String[]::new));
        List<String> rules = new ArrayList<>();
        if (Files.exists(out.resolve("findings.jsonl"))) {
            for (String line : Files.readAllLines(out.resolve("findings.jsonl"))) {
                rules.add(JSON.readTree(line).get("rule").asText());
            }
        }
        return new Run(code, e.toString(), rules);
    }

    private static List<String> rules(Run run) {
        return run.rules();
    }

    private record Run(int code, String err, List<String> rules) {
    }
}
