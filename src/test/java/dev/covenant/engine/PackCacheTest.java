package dev.covenant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.TestFiles;
import dev.covenant.finding.Finding;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The precompiled pack cache: identical results, and invisible except for speed — any edit is picked up;
 * it keeps the few packs used last and never removes one a process is using.
 */
class PackCacheTest {

    @TempDir
    Path dir;

    @Test
    void the_cache_key_follows_the_code_not_the_version_string() throws IOException {
        Path classes = java.nio.file.Files.createDirectories(dir.resolve("classes/dev/covenant/model"));
        java.nio.file.Files.write(classes.resolve("Practice.class"), new byte[] {1, 2, 3});
        String before = PackCache.codeIdentity(dir.resolve("classes"));
        assertThat(PackCache.codeIdentity(dir.resolve("classes"))).as("stable").isEqualTo(before);

        java.nio.file.Files.write(classes.resolve("Practice.class"), new byte[] {1, 2, 4});
        assertThat(PackCache.codeIdentity(dir.resolve("classes"))).as("a changed model class is another key").isNotEqualTo(before);

        Path jar = java.nio.file.Files.write(dir.resolve("covenant.jar"), new byte[] {9, 9});
        String jarKey = PackCache.codeIdentity(jar);
        java.nio.file.Files.write(jar, new byte[] {9, 8});
        assertThat(PackCache.codeIdentity(jar)).isNotEqualTo(jarKey);
        assertThat(PackCache.CODE).as("this JVM's classes are hashed, not named by version").doesNotContain("SNAPSHOT").hasSize(24);
    }

    @Test
    void a_cached_pack_gives_exactly_the_findings_of_a_compiled_one() {
        PackCache cache = new PackCache(dir.resolve("cache"));
        assertThat(cache.store(ShippedRules.get().sources())).isTrue();

        try (RuleBase cached = RuleBase.load(ShippedRules.RULES, cache)) {
            assertThat(cached.fromCache()).isTrue();
            assertThat(cached.catalog().obligations()).hasSize(44);
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
        Path rule = rules.resolve("us/consent-uses.drl.csv");
        Files.writeString(rule, Files.readString(rule).replace(",critical,", ",low,"));

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

    @Test
    void the_cache_keeps_the_five_most_recently_used_packs_and_prunes_older_ones_when_it_stores() throws IOException {
        PackCache cache = new PackCache(dir.resolve("cache"));
        for (int i = 1; i <= 7; i++) {
            storeUsedAt(cache, tinyPack(i), i);
        }

        assertThat(packs()).containsExactlyInAnyOrder(packFor(cache, 3), packFor(cache, 4), packFor(cache, 5),
                packFor(cache, 6), packFor(cache, 7));
    }

    @Test
    void a_pack_used_since_it_was_stored_outlives_newer_unused_ones() throws Exception {
        PackCache cache = new PackCache(dir.resolve("cache"));
        for (int i = 1; i <= 5; i++) {
            storeUsedAt(cache, tinyPack(i), i);
        }
        FileTime stored = Files.getLastModifiedTime(packFor(cache, 1));

        // Another covenant process runs on pack 1, then exits.
        Process use = covenant(Map.of("COVENANT_CACHE", dir.resolve("cache").toString()), "dev.covenant.cli.Main",
                "rules", "--rules", dir.resolve("rules-1").toString());
        assertThat(use.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.getLastModifiedTime(packFor(cache, 1))).as("touched on use").isGreaterThan(stored);
        assertThat(cache.store(tinyPack(6))).isTrue();

        assertThat(packs()).contains(packFor(cache, 1), packFor(cache, 6)).doesNotContain(packFor(cache, 2)).hasSize(5);
    }

    @Test
    void a_pack_in_use_is_never_pruned_by_this_process_or_another() throws Exception {
        PackCache cache = new PackCache(dir.resolve("cache"));
        assertThat(cache.store(tinyPack(1))).isTrue();
        try (RuleBase inUse = RuleBase.load(dir.resolve("rules-1"), cache)) {
            assertThat(inUse.fromCache()).isTrue();
            // Five packs used after it, as a long-running covenant serve would see: pack 1 is the oldest.
            for (int i = 2; i <= 6; i++) {
                assertThat(cache.store(tinyPack(i))).isTrue();
            }
            assertThat(packs()).as("this process does not prune what it uses").hasSize(6).contains(packFor(cache, 1));
            // The background warm-up: a process of its own that stores, then prunes.
            tinyPack(7);
            Process warm = covenant(Map.of(), PackCache.class.getName(), dir.resolve("rules-7").toString(),
                    dir.resolve("cache").toString());
            assertThat(warm.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(warm.exitValue()).isZero();

            assertThat(packs()).as("nor does another").containsExactlyInAnyOrder(packFor(cache, 1), packFor(cache, 3),
                    packFor(cache, 4), packFor(cache, 5), packFor(cache, 6), packFor(cache, 7));
        }
    }

    /** Stores a pack and dates its last use {@code minute} minutes into yesterday, so their order is known. */
    private void storeUsedAt(PackCache cache, RuleSources pack, int minute) throws IOException {
        assertThat(cache.store(pack)).isTrue();
        Files.setLastModifiedTime(cache.entry(pack),
                FileTime.from(Instant.now().minus(Duration.ofDays(1)).plus(Duration.ofMinutes(minute))));
    }

    /** A one-rule pack of its own under rules-N: each compiles in a moment and has its own entry. */
    private RuleSources tinyPack(int n) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules-" + n));
        Files.writeString(rules.resolve("tiny.drl"), """
                package rules.tiny;
                import dev.covenant.model.Practice;
                rule "tiny pack %d"
                    @derive
                    salience 100
                when
                    Practice( )
                then
                end
                """.formatted(n));
        return RuleSources.read(rules);
    }

    private Path packFor(PackCache cache, int n) throws IOException {
        return cache.entry(RuleSources.read(dir.resolve("rules-" + n)));
    }

    private List<Path> packs() throws IOException {
        try (var entries = Files.list(dir.resolve("cache"))) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
        }
    }

    private static Process covenant(Map<String, String> env, String mainClass, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String describe(FixtureRun.Outcome o) {
        return o.file() + " " + o.result().findings().stream()
                .map(f -> f.ruleId() + "|" + f.message() + "|" + f.citations() + "|" + f.evidence().stream().map(e -> e.kind() + ":" + e.id()).toList())
                .toList() + " " + o.result().findings().stream().map(Finding::exposure).toList();
    }
}
