package dev.covenant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.TestFiles;
import dev.covenant.engine.PackCache;
import dev.covenant.engine.RuleSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covenant validate} loads a pack precompiled in the cache when the rules are unchanged, and
 * reports exactly what a fresh compile does. Each run is a real process with a cache of its own.
 */
class ValidateCacheTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.now().minus(Duration.ofDays(30)));

    @TempDir
    Path dir;

    @Test
    void validate_of_the_shipped_pack_is_identical_from_the_cache_and_loads_both_packs_from_it() throws Exception {
        List<Path> entries = prime(Path.of("rules"));

        for (String format : List.of("text", "json")) {
            Run compiled = validate("off", "--format", format);
            Run cached = validate(cache().toString(), "--format", format);

            assertThat(cached.out).isEqualTo(compiled.out).contains(format.equals("text") ? "valid" : "\"valid\" : true");
            assertThat(cached.code).isEqualTo(compiled.code).isZero();
        }
        for (Path entry : entries) {
            assertThat(Files.getLastModifiedTime(entry)).as("cache entry used: %s", entry).isGreaterThan(LONG_AGO);
        }
    }

    @Test
    void a_cached_pack_still_gets_its_metadata_checks_record_lint_and_expect_checks() throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Path statutes = rules.resolve("records/statutes.drl");
        Files.writeString(statutes, Files.readString(statutes)
                .replace("@exposure(\"1000 USD per distinct member\")", "@exposure(\"lots\")"));
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        Files.writeString(fixtures.resolve("children.yaml"), Files.readString(Path.of("fixtures/us/children-training.yaml"))
                .replace("findings: [CHILD-DATA-TRAINING]", "findings: [CHILD-DATA-TRAINNG]"));
        List<Path> entries = prime(rules);

        Run compiled = validate("off", "--rules", rules.toString(), fixtures.toString());
        Run cached = validate(cache().toString(), "--rules", rules.toString(), fixtures.toString());

        assertThat(cached.out).isEqualTo(compiled.out)
                .contains("@exposure \"lots\" must read like \"1000 USD per distinct member\"", "CHILD-DATA-TRAINNG", "2 problem(s)");
        assertThat(cached.code).isEqualTo(compiled.code).isEqualTo(2);
        for (Path entry : entries) {
            assertThat(Files.getLastModifiedTime(entry)).as("cache entry used: %s", entry).isGreaterThan(LONG_AGO);
        }
    }

    /** Stores the scenario pack and the record pack of {@code rules}, dated long ago so a use shows. */
    private List<Path> prime(Path rules) throws IOException {
        PackCache cache = new PackCache(cache());
        List<Path> entries = new ArrayList<>();
        for (RuleSources pack : List.of(RuleSources.read(rules), RuleSources.readRecords(rules))) {
            assertThat(cache.store(pack)).isTrue();
        }
        try (var files = Files.list(cache())) {
            for (Path entry : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.setLastModifiedTime(entry, LONG_AGO);
                entries.add(entry);
            }
        }
        assertThat(entries).hasSize(2);
        return entries;
    }

    private Path cache() {
        return dir.resolve("cache");
    }

    private record Run(int code, String out) {
    }

    private Run validate(String cache, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.covenant.cli.Main", "validate"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("COVENANT_CACHE", cache);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }
}
