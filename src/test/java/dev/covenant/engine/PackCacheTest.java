package dev.covenant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.TestFiles;
import dev.covenant.finding.Finding;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The precompiled pack cache: identical results, and invisible except for speed — any edit is picked up. */
class PackCacheTest {

    @TempDir
    Path dir;

    @Test
    void a_cached_pack_gives_exactly_the_findings_of_a_compiled_one() {
        PackCache cache = new PackCache(dir.resolve("cache"));
        assertThat(cache.store(ShippedRules.get().sources())).isTrue();

        try (RuleBase cached = RuleBase.load(ShippedRules.RULES, cache)) {
            assertThat(cached.fromCache()).isTrue();
            assertThat(cached.catalog().obligations()).hasSize(16);
            FixtureRun compiled = FixtureRun.of(new Evaluator(ShippedRules.get(), Limits.DEFAULT), List.of(ShippedRules.FIXTURES));
            FixtureRun fromCache = FixtureRun.of(new Evaluator(cached, Limits.DEFAULT), List.of(ShippedRules.FIXTURES));
            for (int i = 0; i < compiled.outcomes().size(); i++) {
                assertThat(describe(fromCache.outcomes().get(i))).isEqualTo(describe(compiled.outcomes().get(i)));
            }
            assertThat(fromCache.count(FixtureRun.Status.PASS)).isEqualTo(fromCache.outcomes().size());
        }
    }

    @Test
    void a_rule_edit_is_always_picked_up() throws IOException {
        Path rules = TestFiles.copyTree(ShippedRules.RULES, dir.resolve("rules"));
        PackCache cache = new PackCache(dir.resolve("cache"));
        try (RuleBase first = RuleBase.compile(rules)) {
            assertThat(cache.store(first.sources())).isTrue();
        }
        Path rule = rules.resolve("us/children.drl");
        Files.writeString(rule, Files.readString(rule).replace("@severity(\"critical\")", "@severity(\"low\")"));

        try (RuleBase edited = RuleBase.load(rules, cache)) {
            assertThat(edited.fromCache()).as("a miss after the edit").isFalse();
            assertThat(edited.catalog().obligations()).filteredOn(r -> r.id().equals("CHILD-DATA-TRAINING"))
                    .singleElement().satisfies(r -> assertThat(r.severity().key()).isEqualTo("low"));
        }
    }

    @Test
    void a_damaged_cache_entry_is_a_miss_not_a_failure() throws IOException {
        PackCache cache = new PackCache(dir.resolve("cache"));
        Files.createDirectories(dir.resolve("cache"));
        Files.writeString(cache.entry(ShippedRules.get().sources()), "not a jar");

        try (RuleBase base = RuleBase.load(ShippedRules.RULES, cache)) {
            assertThat(base.isUsable()).isTrue();
            assertThat(base.fromCache()).isFalse();
        }
    }

    private static String describe(FixtureRun.Outcome o) {
        return o.file() + " " + o.result().findings().stream()
                .map(f -> f.ruleId() + "|" + f.message() + "|" + f.citations() + "|" + f.evidence().stream().map(e -> e.kind() + ":" + e.id()).toList())
                .toList() + " " + o.result().findings().stream().map(Finding::exposure).toList();
    }
}
