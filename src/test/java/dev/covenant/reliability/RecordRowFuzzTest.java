package dev.covenant.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.covenant.model.Scenario;
import dev.covenant.records.Audit;
import dev.covenant.records.RecordInputs;
import dev.covenant.records.RowFormat;
import dev.covenant.records.RowFormat.RowException;
import dev.covenant.records.SettingsHistory;
import dev.covenant.records.UseRecord;
import dev.covenant.scenario.ScenarioLoader;
import dev.covenant.source.Diagnostic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of the audit's row parsers: any bytes as a data-use log or a
 * settings history, in CSV and in JSON Lines. Each row becomes a {@link UseRecord} (or a change)
 * or a row error, never anything else; a settings history is read by the audit's own
 * {@link Audit#readHistory} from a real file. The corpus is in
 * {@code src/test/resources/dev/covenant/reliability/RecordRowFuzzTestInputs/<method>/}, seeded with
 * the shipped record fixtures; docs/reliability.md says how to fuzz.
 */
class RecordRowFuzzTest {

    /** The audit's context: the scenario the shipped record fixtures are audited against. */
    private static final Scenario CONTEXT = ScenarioLoader.load(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml"),
            "linkedin-2024-as-alleged.yaml").scenario();
    private static final SettingsHistory HISTORY = history();

    @FuzzTest(maxDuration = "3m")
    void useLogCsv(byte[] input) {
        uses(input, true);
    }

    @FuzzTest(maxDuration = "3m")
    void useLogJsonLines(byte[] input) {
        uses(input, false);
    }

    @FuzzTest(maxDuration = "3m")
    void settingsHistoryCsv(byte[] input) throws IOException {
        settings(input, "settings.csv");
    }

    @FuzzTest(maxDuration = "3m")
    void settingsHistoryJsonLines(byte[] input) throws IOException {
        settings(input, "settings.jsonl");
    }

    /** As the audit reads a use file: strict UTF-8, a CSV header, then one row a line (blank lines skipped). */
    private static void uses(byte[] input, boolean csv) {
        List<String> lines = lines(input);
        if (lines == null) {
            return; // not UTF-8: the audit stops on the file with "not valid UTF-8" before any row
        }
        RowFormat.Splitter splitter;
        int first;
        if (csv) {
            if (lines.isEmpty()) {
                return;
            }
            try {
                splitter = RowFormat.csv(lines.get(0), RecordInputs.USES);
            } catch (RowException e) {
                assertThat(e.getMessage()).isNotBlank();
                return;
            }
            first = 1;
        } else {
            if (!lines.isEmpty()) {
                lines.set(0, RowFormat.withoutBom(lines.get(0)));
            }
            splitter = RowFormat.jsonLines(RecordInputs.USES);
            first = 0;
        }
        for (int i = first; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                UseRecord record = RecordInputs.use(splitter.cells(line), "uses", i + 1, HISTORY);
                assertThat(record.recordId()).isNotBlank();
                assertThat(record.used()).isNotNull();
            } catch (RowException e) {
                assertThat(e.getMessage()).as("row error on line %d", i + 1).isNotBlank();
            }
        }
    }

    /** Through the audit's own reader, from a real file: a history, or the input error that stops the audit. */
    private static void settings(byte[] input, String name) throws IOException {
        Path dir = Files.createTempDirectory("covenant-fuzz");
        Path file = dir.resolve(name);
        try {
            Files.write(file, input);
            List<Diagnostic> bad = new ArrayList<>();
            try {
                SettingsHistory history = Audit.readHistory(file, name, CONTEXT.settings(), SettingsHistory.DEFAULT_MAX_ROWS, bad::add);
                assertThat(history.rows()).isNotNegative();
                history.at("m-optout", "US", "train_ai_system", java.time.LocalDate.of(2024, 10, 1));
            } catch (Audit.InputException e) {
                bad.add(e.diagnostic());
            }
            for (Diagnostic d : bad) {
                assertThat(d.where().file()).isEqualTo(name);
                assertThat(d.where().line()).as("line of %s", d).isNotNegative();
                assertThat(d.message()).as("message of %s", d).isNotBlank().doesNotContain("\tat ", "Exception");
            }
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    /** The lines as {@link BufferedReader} splits them (the audit reads with it), or null when not UTF-8. */
    private static List<String> lines(byte[] input) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        try {
            return new ArrayList<>(new BufferedReader(new StringReader(text)).lines().toList());
        } catch (UncheckedIOException e) {
            throw new AssertionError(e);
        }
    }

    private static SettingsHistory history() {
        try {
            return Audit.readHistory(Path.of("fixtures/records/linkedin/settings-history.csv"), "settings-history.csv",
                    CONTEXT.settings(), SettingsHistory.DEFAULT_MAX_ROWS, d -> {
                        throw new AssertionError("shipped settings history: " + d);
                    });
        } catch (Audit.InputException e) {
            throw new AssertionError(e);
        }
    }
}
