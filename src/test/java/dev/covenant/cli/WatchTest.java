package dev.covenant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.engine.RuleBase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --watch on real files: re-runs on scenario and rule edits, and keeps the last good rule base. */
class WatchTest {

    @TempDir
    Path dir;

    @Test
    void reruns_on_edits_and_keeps_the_last_good_rule_base_when_an_edit_does_not_compile() throws Exception {
        Path rules = dev.covenant.TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        Files.copy(Path.of("fixtures/us/children-training.yaml"), fixtures.resolve("c.yaml"));
        StringWriter err = new StringWriter();
        BlockingQueue<RuleBase> runs = new LinkedBlockingQueue<>();
        Watch watch = new Watch(rules, List.of(fixtures), new PrintWriter(err, true));
        CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(() -> {
            try {
                return watch.run(ruleBase -> {
                    runs.add(ruleBase);
                    return 0;
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            RuleBase first = runs.poll(60, TimeUnit.SECONDS);
            assertThat(first).as("initial run").isNotNull();
            awaitWatching(err);

            Files.writeString(fixtures.resolve("c.yaml"), Files.readString(fixtures.resolve("c.yaml")) + "\n");
            assertThat(runs.poll(20, TimeUnit.SECONDS)).as("re-run after a scenario edit, same rule base").isSameAs(first);

            Path rule = rules.resolve("us/consent-uses.drl.csv");
            String good = Files.readString(rule);
            Files.writeString(rule, good.replace("!this.restsOn(\"\"$param\"\")", "!this.restsOn(\"\"$param\"\""));
            awaitText(err, "keeping the last rule base that did");
            assertThat(err.toString()).contains("us/consent-uses.drl.csv:");
            assertThat(runs).isEmpty();

            Files.writeString(rule, good);
            RuleBase rebuilt = runs.poll(30, TimeUnit.SECONDS);
            assertThat(rebuilt).as("re-run after the rule is fixed").isNotNull().isNotSameAs(first);
            awaitText(err, "[watch] consent-uses.drl.csv changed; results in ");
        } finally {
            watch.stop();
            loop.get(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitWatching(StringWriter err) throws InterruptedException {
        awaitText(err, "[watch] watching");
    }

    private static void awaitText(StringWriter err, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!err.toString().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(err.toString()).contains(text);
    }

}
