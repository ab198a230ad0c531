package dev.covenant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A setting's default history as the rules read it: a change not yet made on as_of is not known, and the conduct runs from the switch. */
class DefaultHistoryTest {

    private static final Path SWITCHED = Path.of("fixtures/defaults/ads-default-switched-on-later.yaml");

    @Test
    void the_finding_runs_from_the_switch_to_on_and_counts_only_members_who_joined_before_it() throws IOException {
        Finding finding = single(evaluate(Files.readString(SWITCHED)), "OPT-OUT-DEFAULT");

        assertThat(finding.message()).contains("from 2024-06-01", "850,000 members who joined before then");
        assertThat(finding.evidence()).extracting(dev.covenant.finding.Evidence::id).doesNotContain("listeners-2024");
    }

    @Test
    void judged_before_the_switch_the_opt_in_decides_nothing() throws IOException {
        // On 2024-05-31 the switch of 2024-06-01 had not happened: the setting was an opt-in, and the
        // practice under it rested on the members' own act.
        String before = Files.readString(SWITCHED).replace("as_of: 2025-04-30", "as_of: 2024-05-31")
                .replace("joined: { from: 2024-09-01 }", "joined: { from: 2024-05-01 }");
        assertThat(load(before).facts()).filteredOn(dev.covenant.model.Setting.class::isInstance)
                .singleElement().satisfies(f -> assertThat(((dev.covenant.model.Setting) f).defaultOn()).as("known on as_of").isFalse());
        ScenarioResult result = evaluate(before);

        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain("OPT-OUT-DEFAULT");
    }

    @Test
    void a_switch_back_to_off_ends_the_conduct() throws IOException {
        // Switched back to off on 2024-12-01: the conduct is the six months it was on, not to as_of.
        String back = Files.readString(SWITCHED).replace("      - { on: 2024-06-01, default: on }\n",
                "      - { on: 2024-06-01, default: on }\n      - { on: 2024-12-01, default: off }\n");
        dev.covenant.model.Scenario scenario = load(back);
        var decided = dev.covenant.classify.DefaultOn.of(scenario.settings().get(0), scenario.cohorts(), scenario.practices(),
                scenario.subjects(), scenario.asOf());

        assertThat(decided).singleElement().satisfies(d -> {
            assertThat(d.who()).isEqualTo(dev.covenant.classify.DefaultOn.Who.EXISTING);
            assertThat(d.period()).isEqualTo(new dev.covenant.model.Period(java.time.LocalDate.parse("2024-06-01"),
                    java.time.LocalDate.parse("2024-11-30")));
        });
        assertThat(single(evaluate(back), "OPT-OUT-DEFAULT").message()).contains("from 2024-06-01");
    }

    private static Finding single(ScenarioResult result, String id) {
        List<Finding> matching = result.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static dev.covenant.model.Scenario load(String yaml) {
        LoadResult loaded = ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "inline.yaml");
        assertThat(loaded.diagnostics()).isEmpty();
        return loaded.scenario();
    }

    private static ScenarioResult evaluate(String yaml) {
        return new Evaluator(ShippedRules.get(), Limits.DEFAULT).evaluate(load(yaml));
    }
}
