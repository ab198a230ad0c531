package dev.covenant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./covenant} launcher run as a user runs it, from a fresh copy of the checkout: it may
 * write under target/ and its cache, nowhere else, whatever its JVMs do. An integration test
 * (failsafe, after {@code package}) because it runs the built jar, copied into the checkout copy.
 */
class LauncherIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    private Path checkout;

    @BeforeEach
    void freshCopy() throws IOException {
        Path jar = PROJECT.resolve("target/covenant.jar");
        assertThat(jar).as("built by package before integration-test").isRegularFile();
        checkout = dir.resolve("checkout");
        Instant old = Instant.now().minusSeconds(3600);
        try (Stream<Path> files = Files.walk(PROJECT)) {
            for (Path source : files.sorted().toList()) {
                Path relative = PROJECT.relativize(source);
                String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                if (first.equals("target") || first.equals(".git") || relative.toString().startsWith("spark/target")) {
                    continue;
                }
                Path copy = checkout.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                    // Older than the jar, so the launcher runs it instead of rebuilding.
                    Files.setLastModifiedTime(copy, FileTime.from(old));
                }
            }
        }
        Files.createDirectories(checkout.resolve("target/lib"));
        Files.copy(jar, checkout.resolve("target/covenant.jar"));
        try (Stream<Path> libs = Files.list(PROJECT.resolve("target/lib"))) {
            for (Path lib : libs.toList()) {
                Files.copy(lib, checkout.resolve("target/lib").resolve(lib.getFileName().toString()));
            }
        }
    }

    @Test
    void repeated_runs_write_nothing_outside_target_and_end_up_mapping_the_archive() throws Exception {
        TreeSet<String> before = outsideTarget();
        Run first = launch(Map.of(), "check");
        assertThat(first.code).as(first.err).isEqualTo(1); // the fixtures have findings
        assertThat(first.err).isEmpty();
        for (int i = 0; i < 3; i++) {
            Run again = launch(Map.of(), "check");
            assertThat(again.err).isEmpty();
            assertThat(again.out).isEqualTo(first.out);
        }
        awaitTraining();

        Path archive = checkout.resolve("target/covenant.jsa");
        if (Files.exists(archive)) {
            Path loaded = checkout.resolve("target/class-load.log");
            Run mapped = launch(Map.of("COVENANT_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Xlog:class+load:file=" + loaded), "check");
            assertThat(mapped.err).isEmpty();
            assertThat(mapped.out).isEqualTo(first.out);
            assertThat(Files.readAllLines(loaded)).as("our classes come from the archive")
                    .anyMatch(line -> line.contains(" dev.covenant.cli.Main source: shared objects file"));
        } else {
            // The JVM could not dump one: given up quietly (the runs above printed nothing) until the next build.
            assertThat(checkout.resolve("target/covenant.jsa.failed")).exists();
        }
        assertThat(outsideTarget()).isEqualTo(before);
    }

    @Test
    void a_crashing_jvm_leaves_its_crash_file_under_target() throws Exception {
        TreeSet<String> before = outsideTarget();
        // Every JVM of the run (the command, the archive training) crashes when it runs out of a tiny heap,
        // the way a JVM bug would: each must write its hs_err file under target/. No pack cache, so that
        // the CLI starts no warm-up JVM of its own (not the launcher's, and it inherits these options).
        launch(Map.of("COVENANT_CACHE", "off",
                "JAVA_TOOL_OPTIONS", "-Xmx8m -XX:+CrashOnOutOfMemoryError -XX:-CreateCoredumpOnCrash"), "check");
        awaitTraining();

        assertThat(outsideTarget()).isEqualTo(before);
        try (Stream<Path> files = Files.list(checkout.resolve("target"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.matches("hs_err_pid\\d+\\.log"));
        }
    }

    private void awaitTraining() throws InterruptedException {
        Path lock = checkout.resolve("target/covenant.jsa.lock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (Files.exists(lock) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(lock).as("the background training finished").doesNotExist();
    }

    /** Every path of the checkout outside target/. */
    private TreeSet<String> outsideTarget() throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(checkout)) {
            files.map(p -> checkout.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("target") && !p.startsWith("target/"))
                    .forEach(paths::add);
        }
        return paths;
    }

    private record Run(int code, String out, String err) {
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(checkout.resolve("covenant").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("COVENANT_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("XDG_CACHE_HOME"));
        builder.environment().put("HOME", dir.resolve("home").toString());
        builder.environment().put("COVENANT_CACHE", dir.resolve("cache").toString());
        builder.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
