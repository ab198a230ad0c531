package dev.covenant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.PackCache;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -v} as a user sees it: the CLI in its own JVM with its own logging binding and none of the
 * tests' logging configuration (test-classes holds a simplelogger.properties that silences Drools).
 */
class VerboseLoggingTest {

    @TempDir
    Path dir;

    @Test
    void the_shipped_packs_compile_without_a_single_warning() throws Exception {
        for (String rules : List.of("rules", "rules/records")) {
            List<String> log = verbose(Map.of("COVENANT_CACHE", "off"), "check", "-v", "--rules", rules, "fixtures/us");
            assertThat(log).as("logging is on").anyMatch(line -> line.contains("INFO dev.covenant.engine.RuleBase - rule pack " + rules + " compiled"));
            assertThat(log).as(rules).noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "));
        }
    }

    @Test
    void verbose_shows_the_engine_at_work_with_a_cached_pack() throws Exception {
        Path cache = dir.resolve("cache");
        assertThat(new PackCache(cache).store(ShippedRules.get().sources())).isTrue();

        List<String> log = verbose(Map.of("COVENANT_CACHE", cache.toString()), "check", "-v", "fixtures/us");
        assertThat(log).anyMatch(line -> line.matches(".*INFO dev\\.covenant\\.engine\\.RuleBase - rule pack rules loaded precompiled"
                + " from the cache: \\d+ files, \\d+ rules, in \\d+ ms"));
        assertThat(log).filteredOn(line -> line.contains("INFO dev.covenant.engine.Evaluator - scenario fixtures/us/"))
                .isNotEmpty()
                .allMatch(line -> line.matches(".* evaluated: \\d+ facts, \\d+ rule firings, \\d+ findings, in \\d+ ms"));
    }

    /** Standard error of the CLI run with these arguments (its exit code is 0 or 1: findings are fine). */
    private List<String> verbose(Map<String, String> env, String... args) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "dev.covenant.cli.Main"));
        command.addAll(List.of(args));
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        List<String> log = Files.readAllLines(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join("\n", log)).isIn(0, 1);
        return log;
    }
}
