package dev.covenant.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Batch;
import dev.covenant.finding.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every renderer against golden files, for a report with no findings, one, and many. To accept a
 * deliberate change: {@code mvn test -Dtest=RendererGoldenTest -Dcovenant.golden.update=true}, then
 * review the diff of src/test/resources/golden/.
 */
class RendererGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("covenant.golden.update");
    private static final List<String> CASES = List.of("empty", "one", "many");
    private static final List<String> FORMATS = List.of("text", "json", "sarif", "markdown", "html", "junit");

    @TestFactory
    Stream<DynamicTest> every_renderer_matches_its_golden_files() {
        return CASES.stream().flatMap(c -> {
            Report report = Batch.run(ShippedRules.get(), List.of(GOLDEN.resolve("input").resolve(c)), Batch.Options.defaults());
            return FORMATS.stream().map(format -> DynamicTest.dynamicTest(format + " / " + c, () -> {
                StringWriter out = new StringWriter();
                Formats.renderer(format).orElseThrow().render(report, out);
                Path golden = GOLDEN.resolve(format).resolve(c + "." + extension(format));
                if (UPDATE || !Files.exists(golden)) {
                    Files.createDirectories(golden.getParent());
                    Files.writeString(golden, out.toString());
                }
                assertThat(out.toString()).as("%s differs; see the class comment to update it", golden).isEqualTo(read(golden));
            }));
        });
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    private static String extension(String format) {
        return switch (format) {
            case "text" -> "txt";
            case "markdown" -> "md";
            case "junit" -> "xml";
            default -> format;
        };
    }
}
