package dev.covenant.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fresh clone has nothing beside it: no source, test or build file may reach outside the
 * repository (the workspace's shared folder beside the checkout in particular). What a test needs is vendored
 * under src/test/resources with its notice.
 */
class SelfContainedTest {

    /** A path that climbs out of the repository: the shared folder beside it, or {@code ..} followed by a name. */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|\"\\.\\./[A-Za-z]");

    @Test
    void nothing_in_the_build_reads_outside_the_repository() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Stream.of("src", "spark/src", "bench", ".ci", "pom.xml", "spark/pom.xml", "covenant")
                .map(Path::of).filter(Files::exists).flatMap(SelfContainedTest::walk)) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(f -> !f.endsWith("SelfContainedTest.java"))
                    .filter(f -> !f.toString().contains("/resources/golden/"))
                    .flatMap(SelfContainedTest::hits)
                    .toList();
        }
        assertThat(offenders).as("references outside the repository").isEmpty();
    }

    @Test
    void the_vendored_sarif_schema_carries_its_notice() {
        assertThat(Path.of("src/test/resources/schemas/sarif-schema-2.1.0.json")).isNotEmptyFile();
        assertThat(Path.of("src/test/resources/schemas/NOTICE.md")).content().contains("Copyright © OASIS Open");
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<String> hits(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (java.nio.charset.MalformedInputException e) {
            return Stream.empty(); // binary
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.stream.IntStream.range(0, lines.size())
                .filter(i -> OUTSIDE.matcher(lines.get(i)).find())
                .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
    }
}
