package dev.covenant.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.engine.Limits;
import dev.covenant.model.Scenario;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record finding cites what governs its one use: the law in force on the use date where the member lives,
 * for the ground the member's setting gives it (issue #16), through the same function scenario findings use.
 */
class RecordCitationsTest {

    private static final String SCENARIO = """
            scenario: record-citations
            as_of: 2025-06-30
            platform: {name: Kestrel Forum}
            members:
              - {cohort: de, tier: free, region: DE, count: 10, joined: {from: 2018-01-01}}
              - {cohort: uk, tier: free, region: UK, count: 10, joined: {from: 2018-01-01}}
            settings:
              - id: personalise
                introduced: 2019-01-01
                default: %s
                enables: [train_ai_system, marketing.advertising]
                opt_out: {method: setting}
            """;

    @TempDir
    Path dir;

    @Test
    void using_data_after_an_opt_out_is_an_objection_under_art_21_and_after_withdrawn_consent_art_7_3() throws Exception {
        String uses = """
                r-train,m-de,free,DE,user.content.public,2018-06-01,train_ai_system,2025-02-01,,self,m1,
                r-ads,m-de,free,DE,user.content.public,2018-06-01,marketing.advertising,2025-02-01,,self,,
                """;
        String history = """
                m-de,personalise,on,2024-12-01
                m-de,personalise,off,2025-01-10
                """;

        Map<String, List<String>> optOut = citations("on", uses, history, "REC-USE-AFTER-OPT-OUT");
        assertThat(optOut).containsEntry("r-train", List.of("GDPR Art. 21(1)"))
                .containsEntry("r-ads", List.of("GDPR Art. 21(1)", "GDPR Art. 21(3)"));

        Map<String, List<String>> withdrawn = citations("off", uses, history, "REC-USE-AFTER-OPT-OUT");
        assertThat(withdrawn).containsEntry("r-train", List.of("GDPR Art. 7(3)"))
                .containsEntry("r-ads", List.of("GDPR Art. 7(3)", "GDPR Art. 21(3)"));
    }

    @Test
    void a_uk_member_is_under_the_eu_gdpr_for_uses_before_2021_and_the_uk_gdpr_after() throws Exception {
        String uses = """
                r-2020,m-uk,free,UK,user.content.public,2018-06-01,train_ai_system,2020-06-01,,self,m1,
                r-2022,m-uk,free,UK,user.content.public,2018-06-01,train_ai_system,2022-06-01,,self,m1,
                """;

        Map<String, List<String>> silent = citations("on", uses, "", "REC-NO-AFFIRMATIVE-CONSENT");
        assertThat(silent).containsEntry("r-2020", List.of("GDPR Art. 25(2)")).containsEntry("r-2022", List.of("UK GDPR Art. 25(2)"));
    }

    @Test
    void a_use_before_the_setting_existed_is_not_held_against_its_default() throws Exception {
        String uses = """
                r-before,m-de,free,DE,user.content.public,2018-06-01,train_ai_system,2018-12-31,,self,m1,
                r-after,m-de,free,DE,user.content.public,2018-06-01,train_ai_system,2019-01-01,,self,m1,
                """;

        assertThat(citations("on", uses, "", "REC-NO-AFFIRMATIVE-CONSENT")).containsOnlyKeys("r-after");
    }

    /** The citations of {@code rule}'s findings, by record id, from a real audit of these rows. */
    private Map<String, List<String>> citations(String defaultValue, String uses, String history, String rule) throws Exception {
        Path scenarioFile = dir.resolve("scenario-" + defaultValue + ".yaml");
        Files.writeString(scenarioFile, SCENARIO.formatted(defaultValue));
        Scenario scenario = ScenarioLoader.load(scenarioFile, "scenario.yaml").scenario();
        Path usesFile = dir.resolve("uses.csv");
        Files.writeString(usesFile, dev.covenant.generate.RecordGenerator.USES_HEADER + "\n" + uses);
        Path historyFile = dir.resolve("history.csv");
        Files.writeString(historyFile, "member_id,setting_id,value,changed_at\n" + history);

        RecordEngine engine = new RecordEngine(RecordRules.shipped(), RecordEngine.contextOf(scenario), Limits.DEFAULT);
        SettingsHistory settings = Audit.readHistory(historyFile, "history.csv", scenario.settings(), 1_000,
                d -> { throw new AssertionError(d); });
        Map<String, List<String>> byRecord = new TreeMap<>();
        List<dev.covenant.source.Diagnostic> problems = new ArrayList<>();
        Audit.run(engine, settings, List.of(usesFile), List.of("uses.csv"), new Audit.Options(1, 1_000, 1_000), new Audit.Sink() {
            @Override
            public void finding(RecordEngine.Flag flag) {
                if (flag.rule().id().equals(rule)) {
                    byRecord.put(flag.record().recordId(), flag.citations());
                }
            }

            @Override
            public void diagnostic(dev.covenant.source.Diagnostic diagnostic) {
                problems.add(diagnostic);
            }
        });
        assertThat(problems).isEmpty();
        return byRecord;
    }
}
