package dev.covenant.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile JSON Lines rows (#15 item 19): repeated keys, control characters in ids, a byte order mark. */
class JsonLinesRowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCENARIO = "fixtures/linkedin/linkedin-2024-as-alleged.yaml";
    private static final String ROW = "\"tier\":\"free\",\"region\":\"US\",\"data_category\":\"user.content.public\","
            + "\"use\":\"train_ai_system\",\"used_at\":\"2024-10-01\",\"relationship\":\"self\"}";

    @TempDir
    Path dir;

    @Test
    void a_repeated_key_is_a_row_error_not_the_last_value() {
        // Jackson keeps the last of two values; the row is ambiguous, and m2 must not be judged as m1's use.
        assertThatThrownBy(() -> RowFormat.splitJson("{\"record_id\":\"r1\",\"member_id\":\"m1\",\"member_id\":\"m2\"," + ROW,
                RecordInputs.USES)).isInstanceOf(RowFormat.RowException.class).hasMessage("key 'member_id' appears twice");
    }

    @Test
    void control_characters_in_ids_are_row_errors_in_either_format() throws Exception {
        SettingsHistory none = SettingsHistory.empty(List.of());
        String[] cells = RowFormat.splitJson("{\"record_id\":\"r1\",\"member_id\":\"m\\u00001\"," + ROW, RecordInputs.USES);
        assertThatThrownBy(() -> RecordInputs.use(cells, "uses.jsonl", 1, none)).isInstanceOf(RowFormat.RowException.class)
                .hasMessage("member_id: control character U+0000 at position 2; identifiers must be printable text");
        String[] csv = RowFormat.splitCsv("r\u001b1,m1,free,US,user.content.public,,train_ai_system,2024-10-01,,self,,", 12);
        assertThatThrownBy(() -> RecordInputs.use(csv, "uses.csv", 2, none)).hasMessageStartingWith("record_id: control character U+001B");
        String[] change = {"m\t1", "data-for-genai-improvement", "off", "2024-09-01"};
        assertThatThrownBy(() -> RecordInputs.change(change, 2, new SettingsHistory.Builder(List.of(), 10)))
                .hasMessageStartingWith("member_id: control character U+0009");
    }

    @Test
    void a_byte_order_mark_at_the_start_of_a_json_lines_file_is_dropped_as_it_is_for_csv() throws IOException {
        Path uses = Files.writeString(dir.resolve("uses.jsonl"), "\uFEFF{\"record_id\":\"r1\",\"member_id\":\"m1\"," + ROW + "\n"
                + "{\"record_id\":\"r2\",\"member_id\":\"m1\",\"record_id\":\"r3\"," + ROW + "\n"
                + "{\"record_id\":\"r4\",\"member_id\":\"m\\u0000\"," + ROW + "\n", StandardCharsets.UTF_8);
        Path history = Files.writeString(dir.resolve("history.jsonl"),
                "\uFEFF{\"member_id\":\"m1\",\"setting_id\":\"data-for-genai-improvement\",\"value\":\"off\",\"changed_at\":\"2024-09-01\"}\n",
                StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), "audit", "-q", "--scenario", SCENARIO,
                "--records", uses.toString(), "--settings-history", history.toString(), "--out", dir.resolve("out").toString());

        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains(uses + ":2: error: key 'record_id' appears twice", uses + ":3: error: member_id: control character U+0000")
                .doesNotContain(uses + ":1:").doesNotContain(history + ":1:");
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.at("/rows/invalid").asLong()).isEqualTo(2);
        assertThat(summary.at("/inputs/history_rows").asLong()).as("the history's first row was read").isEqualTo(1);
        assertThat(Files.readString(dir.resolve("out/findings.jsonl"))).contains("\"record_id\":\"r1\"", "REC-USE-AFTER-OPT-OUT");
    }
}
