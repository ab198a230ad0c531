package dev.covenant.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {

    @Test
    void the_same_seed_gives_the_same_scenarios_and_another_seed_others() {
        assertThat(new ScenarioGenerator(7).scenario(42)).isEqualTo(new ScenarioGenerator(7).scenario(42));
        assertThat(new ScenarioGenerator(7).scenario(42)).isNotEqualTo(new ScenarioGenerator(8).scenario(42));
    }

    @Test
    void generated_scenarios_are_valid_and_every_rule_fires_in_some_but_not_all() {
        ScenarioGenerator generator = new ScenarioGenerator(7);
        Evaluator evaluator = new Evaluator(ShippedRules.get(), Limits.DEFAULT);
        Map<String, Integer> firing = new TreeMap<>();
        int n = 600;
        for (int i = 0; i < n; i++) {
            LoadResult loaded = ScenarioLoader.parse(generator.scenario(i).getBytes(StandardCharsets.UTF_8), "gen-" + i);
            assertThat(loaded.diagnostics()).as("scenario %d", i).isEmpty();
            ScenarioResult result = evaluator.evaluate(loaded.scenario());
            assertThat(result.status()).isEqualTo(ScenarioResult.Status.EVALUATED);
            result.findings().stream().map(Finding::ruleId).distinct().forEach(id -> firing.merge(id, 1, Integer::sum));
        }
        // Rules whose facts the generator does not emit yet (orders, public statements that forbid, consent blocks,
        // EEA cohorts with ages, subjects told or not, biometrics): named here, so a new rule is either generated for or listed.
        // GDPR-SPECIAL-CATEGORY: the generator never gives special-category data to a practice reaching the EEA or UK.
        java.util.Set<String> notGenerated = java.util.Set.of("GDPR-CHILD-CONSENT", "GDPR-INVALID-CONSENT",
                "GDPR-TRANSPARENCY-INDIRECT", "PRIOR-ORDER-VIOLATION", "PRIOR-ORDER-SHARING", "PUBLIC-PROMISE-BROKEN",
                "GDPR-SPECIAL-CATEGORY",
                // CCPA-SENSITIVE: the generator gives California practices private content only, which the sensitive-data
                // table does not read as CCPA-sensitive (notes and files are not the contents of mail, email or texts).
                "CCPA-SENSITIVE",
                // Retention and deletion: the generator emits no retention, deletion requests or retention statements.
                "RETENTION-EXCEEDED", "DELETION-REQUEST-IGNORED", "RETENTION-PROMISE-BROKEN", "CHILD-DATA-RETENTION",
                // Biometric identifiers of Illinois or Texas people: the generator emits neither those regions nor
                // biometric categories, retention schedules or sold recipients.
                "BIOMETRIC-ILLINOIS", "BIOMETRIC-ILLINOIS-SCHEDULE", "BIOMETRIC-ILLINOIS-PROFIT", "BIOMETRIC-TEXAS",
                // The generator states no interception and no breaches: these rules read facts it never writes.
                "INTERCEPTION", "INTERCEPTION-CA-WIRETAP", "INTERCEPTION-CA-RECORDING",
                "BREACH-NOTIFICATION", "BREACH-COMMUNICATION", "HEALTH-BREACH-NOTICE", "HEALTH-BREACH-NOTICE-DISCLOSURE");
        assertThat(firing.keySet()).containsExactlyInAnyOrderElementsOf(
                ShippedRules.get().catalog().obligations().stream().map(r -> r.id()).filter(id -> !notGenerated.contains(id)).toList());
        assertThat(firing.values()).allSatisfy(count -> assertThat(count).isLessThan(n));
    }
}
