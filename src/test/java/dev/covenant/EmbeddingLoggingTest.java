package dev.covenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application embedding the Java API chooses its own logging: the library brings slf4j-api only,
 * so with no binding of the application's, the engine prints nothing. Runs the API in a child JVM on
 * the class path a dependent gets: this test's, without our test classes and without the jars of the
 * dependencies pom.xml marks optional or test-scoped (Maven passes neither on to dependents).
 */
class EmbeddingLoggingTest {

    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void the_java_api_logs_nothing_in_an_application_without_a_binding() throws Exception {
        Path program = dir.resolve("Embed.java");
        Files.writeString(program, """
                import java.nio.file.Path;
                import java.util.List;
                public class Embed {
                    public static void main(String[] args) {
                        try (dev.covenant.Covenant covenant = dev.covenant.Covenant.builder().rules(Path.of("rules")).build()) {
                            System.out.println(covenant.evaluate(List.of(Path.of("fixtures"))).summary().findings() + " findings");
                        }
                    }
                }
                """);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", dependentClassPath(), "-Dcovenant.cache=off", program.toString());
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("err.txt").toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).matches("[1-9]\\d* findings\\R");
        // SLF4J itself says once that no binding was found (its standard notice, naming no logger of ours
        // or of Drools); everything else would be a log line.
        assertThat(Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8))
                .filteredOn(line -> !line.startsWith("SLF4J"))
                .isEmpty();
    }

    private static String dependentClassPath() throws Exception {
        Set<String> notPassedOn = new java.util.HashSet<>();
        Matcher dependency = DEPENDENCY.matcher(Files.readString(Path.of("pom.xml")));
        while (dependency.find()) {
            String body = dependency.group(1);
            if (body.contains("<optional>true</optional>") || body.contains("<scope>test</scope>")) {
                Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(body);
                if (artifact.find()) {
                    notPassedOn.add(artifact.group(1));
                }
            }
        }
        assertThat(notPassedOn).contains("junit-jupiter");
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean excluded = entry.endsWith("test-classes")
                    || notPassedOn.stream().anyMatch(a -> name.matches(Pattern.quote(a) + "-\\d.*\\.jar"));
            if (!excluded) {
                entries.add(entry);
            }
        }
        assertThat(entries).anyMatch(e -> e.endsWith("classes")).anyMatch(e -> e.contains("slf4j-api"));
        return entries.stream().collect(Collectors.joining(File.pathSeparator));
    }
}
