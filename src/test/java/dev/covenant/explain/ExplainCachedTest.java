package dev.covenant.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.engine.PackCache;
import dev.covenant.engine.RuleBase;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covenant explain} reads the same whether the pack was compiled now or loaded precompiled
 * from the cache (Drools' executable model, which names bindings of its own).
 */
class ExplainCachedTest {

    @TempDir
    Path dir;

    @Test
    void explain_is_identical_with_and_without_the_cache_for_every_fixture_and_every_rule() throws IOException {
        PackCache cache = new PackCache(dir.resolve("cache"));
        assertThat(cache.store(ShippedRules.get().sources())).isTrue();
        RuleBase compiled = ShippedRules.get();
        List<ScenarioFiles.Found> fixtures = ScenarioFiles.find(List.of(ShippedRules.FIXTURES)).files();
        assertThat(fixtures).hasSizeGreaterThan(20);
        int notFired = 0;

        try (RuleBase cached = RuleBase.load(ShippedRules.RULES, cache)) {
            assertThat(cached.fromCache()).isTrue();
            List<String> rules = new ArrayList<>();
            rules.add(null);
            compiled.catalog().obligations().stream().map(RuleDescriptor::id).forEach(rules::add);
            for (ScenarioFiles.Found fixture : fixtures) {
                for (String rule : rules) {
                    String expected = explain(compiled, fixture, rule);
                    String actual = explain(cached, fixture, rule);
                    assertThat(actual).as("explain %s --rule %s, cached", fixture.display(), rule).isEqualTo(expected);
                    assertThat(actual).doesNotContain("GENERATED_", "sCoPe");
                    notFired += actual.contains("did not fire") ? 1 : 0;
                }
            }
        }
        assertThat(notFired).as("rules that did not fire were explained too").isGreaterThan(100);
    }

    @Test
    void a_rule_that_did_not_fire_names_its_bindings_and_collected_patterns_as_the_drl_does() throws IOException {
        PackCache cache = new PackCache(dir.resolve("cache"));
        assertThat(cache.store(ShippedRules.get().sources())).isTrue();
        ScenarioFiles.Found children = ScenarioFiles.find(List.of(Path.of("fixtures/us/children-training.yaml"))).files().get(0);

        try (RuleBase cached = RuleBase.load(ShippedRules.RULES, cache)) {
            assertThat(explain(cached, children, "OBJECTION-BARRIER")).contains("    $reached : Audience — 3 in the session");
            // "from collect" is an accumulate: say over what, not count List facts.
            assertThat(explain(cached, children, "UNDISCLOSED-CATEGORY"))
                    .contains("    $controlled : List accumulated from:\n        FirstDisclosure — 1 in the session\n");
        }
    }

    private static String explain(RuleBase rules, ScenarioFiles.Found fixture, String rule) throws IOException {
        var loaded = ScenarioLoader.load(fixture.path(), fixture.display());
        assertThat(loaded.isValid()).as(fixture.display()).isTrue();
        var trace = new Evaluator(rules, Limits.DEFAULT).trace(loaded.scenario());
        StringWriter out = new StringWriter();
        new ExplainWriter(rules.catalog(), rules.kieBase(), trace, out).write(rule);
        return out.toString();
    }
}
