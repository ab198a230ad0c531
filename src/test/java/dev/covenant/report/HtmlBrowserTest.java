package dev.covenant.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Batch;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser: headless Chromium from Debian's package opens it, the DOM it
 * builds has the findings and the timeline, no script runs, and a screenshot is saved for people under
 * target/. Without Chromium the test is skipped loudly; under CI=true a missing Chromium fails it.
 */
class HtmlBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target/browser");

    @BeforeAll
    static void chromium_is_there_or_we_say_so() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Chromium not found at " + CHROMIUM + ": the HTML browser test did not run (apt-get install chromium)";
            System.err.println("WARNING: " + message);
            assertThat(System.getenv("CI")).as(message).isNotEqualTo("true");
            assumeTrue(false, message);
        }
    }

    @Test
    void the_report_opens_with_findings_and_timelines_and_a_screenshot_is_saved() throws Exception {
        Path report = write("report.html", List.of(ShippedRules.FIXTURES.resolve("linkedin")));

        Browser dom = chromium("--dump-dom", report);
        Browser shot = chromium("--screenshot=" + OUT.resolve("report.png").toAbsolutePath(), report);

        assertThat(dom.stdout).contains("<svg class=\"timeline\"", "class=\"item practices flagged",
                "SCA-DISCLOSURE", "UCL-UNLAWFUL", "linkedin-genai-2024-as-stated");
        assertThat(count(dom.stdout, "class=\"finding ")).isEqualTo(20);
        assertThat(dom.console()).as("console messages").isEmpty();
        assertThat(shot.exit).isZero();
        assertThat(OUT.resolve("report.png")).exists().isNotEmptyFile();
    }

    @Test
    void hostile_text_renders_inert_and_runs_no_script() throws Exception {
        Path report = write("hostile.html", List.of(Path.of("src/test/resources/scenarios/hostile")));

        Browser dom = chromium("--dump-dom", report);
        chromium("--screenshot=" + OUT.resolve("hostile.png").toAbsolutePath(), report);

        assertThat(dom.stdout).doesNotContain("<script", "<img src=x", "alert-ran")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "[U+202E]");
        assertThat(dom.console()).isEmpty();
    }

    private static Path write(String name, List<Path> inputs) throws IOException {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new HtmlRenderer().render(Batch.run(ShippedRules.get(), inputs, Batch.Options.defaults()), out);
        }
        return file;
    }

    /** What one headless Chromium run printed. */
    private record Browser(int exit, String stdout, String stderr) {
        /** Console output from the page: errors, warnings and logs (there should be none: no script runs). */
        List<String> console() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
        }
    }

    private static Browser chromium(String action, Path page) throws Exception {
        Path profile = Files.createTempDirectory("covenant-chromium");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1100,1800", "--enable-logging=stderr", "--v=0",
                action, page.toUri().toString()));
        Path log = profile.resolve("stderr.log");
        // stderr to a file, so that neither stream can fill up and stall the browser while we read the other
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        var stdout = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new Browser(process.exitValue(), new String(stdout, StandardCharsets.UTF_8), Files.readString(log));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
