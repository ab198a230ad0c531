package dev.covenant.report;

import dev.covenant.finding.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * The comparison behind the golden tests, with its directory and renderers passed in so that a test
 * can prove it fails: a missing golden fails (it is never written as a side effect of comparing),
 * and only {@code -Dgolden.update=true} writes goldens.
 */
final class GoldenFiles {

    static final String UPDATE_PROPERTY = "golden.update";

    private final Path root;
    private final boolean update;

    GoldenFiles(Path root, boolean update) {
        this.root = root;
        this.update = update;
    }

    static GoldenFiles under(Path root) {
        return new GoldenFiles(root, Boolean.getBoolean(UPDATE_PROPERTY));
    }

    /** {@code golden/<format>/<name>.<ext>}. */
    Path golden(String format, String name) {
        return root.resolve(format).resolve(name + "." + extension(format));
    }

    /** Renders {@code report} and compares it with its golden; throws when they differ or the golden is missing. */
    void check(String format, Supplier<? extends Renderer> renderer, String name, Report report) {
        StringWriter out = new StringWriter();
        try {
            renderer.get().render(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        compare(golden(format, name), out.toString());
    }

    void compare(Path golden, String actual) {
        try {
            if (update) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual);
                return;
            }
            if (!Files.exists(golden)) {
                throw new AssertionFailedError(golden + " is missing; write it with -D" + UPDATE_PROPERTY
                        + "=true and review it before committing");
            }
            String expected = Files.readString(golden);
            if (!expected.equals(actual)) {
                throw new AssertionFailedError(golden + " differs; if the change is deliberate, rerun with -D"
                        + UPDATE_PROPERTY + "=true and review the diff", expected, actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every registered report format with a fresh renderer each time, as {@code --format} would make it. */
    static Map<String, Supplier<Renderer>> registered() {
        Map<String, Supplier<Renderer>> all = new java.util.LinkedHashMap<>();
        for (String name : Formats.names()) {
            all.put(name, () -> Formats.renderer(name).orElseThrow());
        }
        return all;
    }

    /** A format's file extension; {@code test-<format>} (a {@code covenant test} result format) takes its report twin's. */
    static String extension(String format) {
        if (format.startsWith("test-")) {
            return extension(format.substring("test-".length()));
        }
        return switch (format) {
            case "text" -> "txt";
            case "markdown" -> "md";
            case "junit" -> "xml";
            default -> format;
        };
    }
}
