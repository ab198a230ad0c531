package dev.covenant.report;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.covenant.finding.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden comparison can fail: on a deleted golden, on a renderer added without goldens, on a changed output. */
class GoldenFilesTest {

    @TempDir
    Path temp;

    @Test
    void every_synthetic_golden_passes_in_a_copy_of_the_golden_directory() throws IOException {
        Path copy = copyGoldens();
        assertThatCode(() -> checkAll(new GoldenFiles(copy, false), GoldenFiles.registered())).doesNotThrowAnyException();
    }

    @Test
    void a_deleted_golden_fails_and_is_not_written_back() throws IOException {
        Path copy = copyGoldens();
        GoldenFiles goldens = new GoldenFiles(copy, false);
        Path deleted = goldens.golden("json", "many");
        Files.delete(deleted);
        assertThatThrownBy(() -> checkAll(goldens, GoldenFiles.registered()))
                .isInstanceOf(AssertionError.class).hasMessageContaining(deleted + " is missing");
        assertThatThrownBy(() -> checkAll(goldens, GoldenFiles.registered())).isInstanceOf(AssertionError.class);
    }

    @Test
    void a_renderer_added_without_goldens_fails() throws IOException {
        Path copy = copyGoldens();
        Map<String, Supplier<Renderer>> withNew = new java.util.LinkedHashMap<>(GoldenFiles.registered());
        withNew.put("csv", () -> (report, out) -> out.write("rule,scenario\n"));
        assertThatThrownBy(() -> checkAll(new GoldenFiles(copy, false), withNew))
                .isInstanceOf(AssertionError.class).hasMessageContaining(copy.resolve("csv").toString()).hasMessageContaining("missing");
    }

    @Test
    void a_changed_output_fails() throws IOException {
        Path copy = copyGoldens();
        GoldenFiles goldens = new GoldenFiles(copy, false);
        Files.writeString(goldens.golden("text", "one"), "something else\n");
        assertThatThrownBy(() -> checkAll(goldens, GoldenFiles.registered()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("differs");
    }

    @Test
    void only_an_explicit_update_writes_goldens() throws IOException {
        Path copy = copyGoldens();
        Path deleted = new GoldenFiles(copy, false).golden("sarif", "one");
        Files.delete(deleted);
        checkAll(new GoldenFiles(copy, true), GoldenFiles.registered());
        assertThatCode(() -> checkAll(new GoldenFiles(copy, false), GoldenFiles.registered())).doesNotThrowAnyException();
    }

    /** The synthetic reports through every renderer given, as RendererGoldenTest runs them. */
    private static void checkAll(GoldenFiles goldens, Map<String, Supplier<Renderer>> renderers) {
        Map<String, Report> reports = RendererGoldenTest.synthetic();
        renderers.forEach((format, renderer) -> reports.forEach((name, report) -> goldens.check(format, renderer, name, report)));
    }

    private Path copyGoldens() throws IOException {
        Path copy = temp.resolve("golden");
        try (Stream<Path> files = Files.walk(RendererGoldenTest.GOLDEN)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(RendererGoldenTest.GOLDEN.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }
}
