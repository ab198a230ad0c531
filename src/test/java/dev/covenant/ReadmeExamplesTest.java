package dev.covenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.cli.Main;
import dev.covenant.server.CovenantServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Every example the README shows is run as written and its output compared with what it shows, so the
 * README cannot drift from the program.
 *
 * <ul>
 *   <li>A fenced block that starts with {@code $ ./covenant ...} runs that command (on the real files;
 *       the files an example needs beyond the fixtures live in docs/examples/). Its other lines must
 *       appear in the output (standard output, then standard error) in order: a line {@code ...} stands
 *       for any number of lines, a line ending in {@code " ..."} for any line that starts with the rest.
 *       Timings ({@code (31 ms)}, {@code in 0.91 s}) are the one thing not compared.</li>
 *   <li>A block that starts with {@code $ curl} posts the named file to a real {@code covenant serve}
 *       and applies the {@code jq} path it shows.</li>
 *   <li>Indented command lines ({@code ./covenant ...} without output) must parse: every command and
 *       option they name exists.</li>
 *   <li>The Java example is the one {@link ReadmeExampleTest} runs.</li>
 * </ul>
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern TIMING = Pattern.compile("\\(\\d+ ms\\)|in \\d+\\.\\d+ s\\b");

    /** A fenced example: its command (continuation lines joined), what it shows, and where it starts. */
    record Example(int line, String command, List<String> shown) {
    }

    @TestFactory
    Stream<DynamicTest> every_example_with_output_prints_what_the_readme_shows() throws IOException {
        List<Example> examples = examples(Files.readAllLines(README));
        assertThat(examples).as("examples found in README.md").hasSizeGreaterThanOrEqualTo(7);
        return examples.stream().map(e -> DynamicTest.dynamicTest("README.md:" + e.line() + " " + e.command(), () -> check(e)));
    }

    @Test
    void every_command_line_shown_without_output_parses() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("    ./covenant ")) {
                continue;
            }
            StringBuilder command = new StringBuilder(line.strip());
            while (command.toString().endsWith("\\")) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines.get(++i).strip());
            }
            String text = command.toString().replaceAll("\\s+#.*$", "").replaceAll("\\s*>\\s*\\S+$", "");
            List<String> args = words(text.substring("./covenant ".length()));
            int at = i + 1;
            assertThat(parses(args)).as("README.md:%d: %s", at, text).isNull();
            checked++;
        }
        assertThat(checked).as("indented command lines").isGreaterThanOrEqualTo(8);
    }

    @Test
    void the_java_example_is_the_one_readme_example_test_runs() throws IOException {
        Matcher java = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
        assertThat(java.find()).as("a Java example in README.md").isTrue();
        // Imports aside (the test sits in the package), every line as shown.
        List<String> shown = java.group(1).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("import ")).toList();
        // The test runs it with the test's waivers file in place of waivers.yaml.
        List<String> runs = Files.readAllLines(Path.of("src/test/java/dev/covenant/ReadmeExampleTest.java")).stream()
                .map(l -> l.strip().replace("src/test/resources/review/waivers.yaml", "waivers.yaml")).toList();
        int at = 0;
        for (String line : shown) {
            int found = runs.subList(at, runs.size()).indexOf(line);
            assertThat(found).as("README's Java line, in order, in ReadmeExampleTest: %s", line).isNotNegative();
            at += found + 1;
        }
    }

    private static void check(Example e) throws Exception {
        String output;
        if (e.command().startsWith("./covenant ") || e.command().equals("./covenant")) {
            List<String> args = words(e.command().substring("./covenant".length()).strip());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
            output = out + err.toString();
        } else if (e.command().startsWith("curl ")) {
            output = curl(e.command());
        } else {
            throw new AssertionError("README.md:" + e.line() + ": an example this test cannot run: " + e.command());
        }
        assertShows(e, output);
    }

    /** Each run of lines between {@code ...} markers appears, in order, in the output. */
    static void assertShows(Example e, String output) {
        List<String> actual = output.lines().map(l -> TIMING.matcher(l).replaceAll("<time>")).toList();
        int from = 0;
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        for (String line : e.shown()) {
            if (line.strip().equals("...")) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            } else {
                chunk.add(TIMING.matcher(line).replaceAll("<time>"));
            }
        }
        chunks.add(chunk);
        boolean anchoredStart = !e.shown().isEmpty() && !e.shown().get(0).strip().equals("...");
        for (int c = 0; c < chunks.size(); c++) {
            List<String> expected = chunks.get(c);
            if (expected.isEmpty()) {
                continue;
            }
            int at = find(actual, expected, from, c == 0 && anchoredStart);
            assertThat(at).as("README.md:%d: `%s` shows%n%s%n%nbut the program printed%n%s", e.line(), e.command(),
                    String.join("\n", expected), output).isNotNegative();
            from = at + expected.size();
        }
    }

    private static int find(List<String> actual, List<String> expected, int from, boolean onlyAtStart) {
        int last = onlyAtStart ? Math.min(from, actual.size() - expected.size()) : actual.size() - expected.size();
        for (int start = from; start <= last; start++) {
            boolean all = true;
            for (int k = 0; k < expected.size() && all; k++) {
                all = matches(expected.get(k), actual.get(start + k));
            }
            if (all) {
                return start;
            }
        }
        return -1;
    }

    private static boolean matches(String expected, String actual) {
        if (expected.endsWith(" ...")) {
            return actual.startsWith(expected.substring(0, expected.length() - " ...".length()));
        }
        return expected.equals(actual);
    }

    static List<Example> examples(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```") || i + 1 >= lines.size() || !lines.get(i + 1).startsWith("$ ")) {
                continue;
            }
            int start = i + 2;
            StringBuilder command = new StringBuilder(lines.get(i + 1).substring(2).strip());
            int j = i + 2;
            while (command.toString().endsWith("\\")) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines.get(j++).strip());
            }
            List<String> shown = new ArrayList<>();
            while (!lines.get(j).equals("```")) {
                shown.add(lines.get(j++));
            }
            examples.add(new Example(start, command.toString().replaceAll("\\s+", " "), shown));
            i = j;
        }
        return examples;
    }

    /** Shell words: whitespace-separated, single or double quotes kept together. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(text);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words;
    }

    /** Null when {@code covenant ARGS} parses; else the parse error. */
    private static String parses(List<String> args) {
        try {
            new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }

    /**
     * {@code curl ... --data-binary @FILE http://127.0.0.1:8080/PATH | jq 'PATH'}: the same request to a
     * real server on a free port, and the jq path (keys and indexes only) applied to the answer.
     */
    private static String curl(String command) throws Exception {
        Matcher file = Pattern.compile("--data-binary @(\\S+)").matcher(command);
        Matcher type = Pattern.compile("Content-Type: ([^']+)'").matcher(command);
        Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:8080(\\S+)").matcher(command);
        Matcher jq = Pattern.compile("\\| jq '([^']+)'").matcher(command);
        assertThat(file.find() && type.find() && url.find() && jq.find()).as("a curl example this test understands: %s", command).isTrue();
        CovenantServer server = CovenantServer.start(new CovenantServer.Config("127.0.0.1", 0, 1 << 20, 10, Duration.ofSeconds(20), 2,
                Duration.ofSeconds(10)));
        try (Covenant covenant = Covenant.builder().rules(Path.of("rules")).build()) {
            server.serve(covenant);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + url.group(1)))
                    .header("Content-Type", type.group(1)).POST(HttpRequest.BodyPublishers.ofFile(Path.of(file.group(1)))).build();
            String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
            JsonNode node = new ObjectMapper().readTree(body);
            Matcher step = Pattern.compile("\\.(\\w+)|\\[(\\d+)]").matcher(jq.group(1));
            while (step.find()) {
                node = step.group(1) != null ? node.path(step.group(1)) : node.path(Integer.parseInt(step.group(2)));
            }
            return node.toString() + "\n";
        } finally {
            server.close();
        }
    }
}
