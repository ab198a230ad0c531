package dev.covenant.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.model.Scenario;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Whom the interception rules count: with one party's consent, only the side that did not consent — a party who
 * consented is not injured (Cal. Penal Code § 637.2(a)) — and so only they are priced. Read from the shipped
 * fixtures and a variant of one, through the loader and the shipped rules.
 */
class InterceptedWithoutConsentTest {

    private static final Path HOST_CONSENTS = Path.of("fixtures/interception/recorder-host-consents.yaml");

    private static ScenarioResult evaluate(Scenario scenario) {
        return new Evaluator(ShippedRules.get(), Limits.DEFAULT).evaluate(scenario);
    }

    private static Finding finding(ScenarioResult result, String rule) {
        return result.findings().stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void the_hosts_who_turned_the_recorder_on_are_not_counted_only_the_guests_who_were_not_asked() {
        Finding recording = finding(evaluate(ScenarioLoader.load(HOST_CONSENTS, HOST_CONSENTS.toString()).scenario()),
                "INTERCEPTION-CA-RECORDING");
        assertThat(recording.message()).contains("30,000 people in California who did not consent");
        assertThat(recording.evidence()).extracting(e -> e.kind() + " " + e.id())
                .contains("people who are not members guests-ca").doesNotContain("member cohort hosts-ca");
        assertThat(recording.exposure().amount()).as("$5,000 x 30,000 guests, not the 8,000 hosts").isEqualTo(150_000_000L);
    }

    @Test
    void when_the_guests_consented_the_hosts_are_the_ones_counted() throws IOException {
        String yaml = Files.readString(HOST_CONSENTS).replace("consented_by: members", "consented_by: subjects");
        LoadResult loaded = ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "guests-consent.yaml");
        assertThat(loaded.diagnostics()).isEmpty();
        Finding recording = finding(evaluate(loaded.scenario()), "INTERCEPTION-CA-RECORDING");
        assertThat(recording.evidence()).extracting(e -> e.kind() + " " + e.id())
                .contains("member cohort hosts-ca").doesNotContain("people who are not members guests-ca", "member cohort hosts-tx");
        assertThat(recording.exposure().amount()).as("$5,000 x 8,000 Californian hosts").isEqualTo(40_000_000L);
    }

    @Test
    void the_writers_who_enabled_the_assistant_are_not_the_victims_of_its_reading() {
        Path drafts = Path.of("fixtures/interception/assistant-reads-drafts.yaml");
        Finding wiretap = finding(evaluate(ScenarioLoader.load(drafts, drafts.toString()).scenario()), "INTERCEPTION-CA-WIRETAP");
        assertThat(wiretap.evidence()).extracting(e -> e.kind() + " " + e.id())
                .contains("people who are not members recipients-ca").doesNotContain("member cohort writers-ca");
        assertThat(wiretap.exposure().amount()).as("$5,000 x 40,000 recipients").isEqualTo(200_000_000L);
    }
}
