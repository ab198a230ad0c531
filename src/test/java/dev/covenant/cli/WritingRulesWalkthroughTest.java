package dev.covenant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/writing-rules.md, step by step, as a rule author would run it: in a copy of the
 * pack, each {@code <!-- walkthrough: ... -->} step is done — a command run as its own process (in the copy's
 * directory) and its output compared with what the step shows, a file written or appended to, a line replaced,
 * lines inserted, a text substituted —
 * so the example cannot drift from the program.
 */
class WritingRulesWalkthroughTest {

    private static final Path DOC = Path.of("docs/writing-rules.md");
    private static final Pattern STEP = Pattern.compile("<!-- walkthrough: (?:(run|write|replace|insert|append) ?(\\S*)(?: before \"([^\"]*)\")? -->\\n```\\n(.*?)```"
            + "|(substitute) (\\S+) \"([^\"]*)\" \"([^\"]*)\" -->)", Pattern.DOTALL);
    private static final Pattern TIMING = Pattern.compile("\\(\\d+ ms\\)|in \\d+\\.\\d+ s\\b");

    @TempDir
    Path pack;

    @Test
    void the_worked_example_runs_as_written() throws Exception {
        for (String folder : List.of("rules", "fixtures", "schema")) {
            dev.covenant.TestFiles.copyTree(Path.of(folder), pack.resolve(folder));
        }
        Matcher step = STEP.matcher(Files.readString(DOC));
        int steps = 0;
        while (step.find()) {
            steps++;
            if (step.group(5) != null) {
                // substitute FILE "text" "replacement": an edit too small to show as a block.
                Path edited = pack.resolve(step.group(6));
                String text = Files.readString(edited);
                assertThat(text).as(edited + " holds '" + step.group(7) + "'").contains(step.group(7));
                Files.writeString(edited, text.replace(step.group(7), step.group(8)));
                continue;
            }
            String kind = step.group(1);
            String body = step.group(4);
            Path file = step.group(2).isEmpty() ? null : pack.resolve(step.group(2));
            switch (kind) {
                case "run" -> run(body);
                case "write" -> Files.writeString(file, body);
                case "append" -> Files.writeString(file, Files.readString(file) + body);
                case "replace" -> {
                    String line = body.strip().isEmpty() ? body : body.lines().findFirst().orElseThrow();
                    String lead = line.substring(0, line.indexOf('(') + 1);
                    List<String> lines = new ArrayList<>(Files.readAllLines(file));
                    int at = indexOf(lines, lead);
                    assertThat(at).as("a line starting '" + lead + "' in " + file).isNotNegative();
                    lines.set(at, line);
                    Files.writeString(file, String.join("\n", lines) + "\n");
                }
                case "insert" -> {
                    String text = Files.readString(file);
                    int at = text.indexOf("\n" + step.group(3)) + 1;
                    assertThat(at).as("'" + step.group(3) + "' in " + file).isPositive();
                    Files.writeString(file, text.substring(0, at) + body + text.substring(at));
                }
                default -> throw new IllegalStateException(kind);
            }
        }
        assertThat(steps).as("walkthrough steps in " + DOC).isGreaterThanOrEqualTo(8);
    }

    private static int indexOf(List<String> lines, String lead) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(lead)) {
                return i;
            }
        }
        return -1;
    }

    /** Runs {@code $ ./covenant ARGS} in the copy and checks that the output shows the step's other lines, in order. */
    private void run(String body) throws Exception {
        List<String> shown = body.lines().toList();
        assertThat(shown.get(0)).startsWith("$ ./covenant ");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.covenant.cli.Main"));
        command.addAll(List.of(shown.get(0).substring("$ ./covenant ".length()).split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(pack.toFile()).redirectErrorStream(true);
        builder.environment().put("COVENANT_CACHE", pack.resolve(".cache").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        List<String> printed = out.lines().map(l -> TIMING.matcher(l).replaceAll("")).toList();
        int next = 0;
        boolean skipping = false;
        for (String expected : shown.subList(1, shown.size())) {
            if (expected.equals("...")) {
                skipping = true;
                continue;
            }
            String want = TIMING.matcher(expected).replaceAll("");
            boolean suffix = want.startsWith("... ");
            String text = suffix ? want.substring(4) : want;
            int found = -1;
            for (int i = next; i < (skipping ? printed.size() : Math.min(next + 1, printed.size())) && found < 0; i++) {
                if (suffix ? printed.get(i).endsWith(text) : printed.get(i).equals(text)) {
                    found = i;
                }
            }
            assertThat(found).as("`" + shown.get(0) + "` prints '" + expected + "' (after line " + next + ") in:\n" + out).isNotNegative();
            next = found + 1;
            skipping = false;
        }
    }
}
