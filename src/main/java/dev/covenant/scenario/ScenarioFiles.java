package dev.covenant.scenario;

import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Finds scenario files: each path is a file, or a directory walked recursively (following links,
 * reporting loops) for {@code *.yaml} and {@code *.yml}. Files come back sorted by display path.
 */
public final class ScenarioFiles {

    /** A scenario file and the name it is reported under (relative to the working directory when inside it). */
    public record Found(Path path, String display) {
    }

    /** The files found, and the paths that could not be searched. */
    public record Listing(List<Found> files, List<Diagnostic> diagnostics) {
    }

    private ScenarioFiles() {
    }

    public static Listing find(List<Path> roots) {
        TreeMap<String, Found> files = new TreeMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                diagnostics.add(new Diagnostic(SourceSpan.of(display(root), 0, 0), "no such file or directory"));
            } else if (Files.isDirectory(root)) {
                walk(root, files, diagnostics);
            } else {
                files.put(display(root), new Found(root, display(root)));
            }
        }
        return new Listing(List.copyOf(files.values()), diagnostics.stream().sorted().toList());
    }

    public static boolean isScenarioFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The path as users should see it: relative to the working directory when it lies inside it. */
    public static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    private static void walk(Path root, TreeMap<String, Found> files, List<Diagnostic> diagnostics) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isScenarioFile(file)) {
                        files.put(display(file), new Found(file, display(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String why = e instanceof FileSystemLoopException ? "symbolic link loop; not followed"
                            : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                            : "cannot read: " + e.getMessage();
                    diagnostics.add(new Diagnostic(SourceSpan.of(display(file), 0, 0), why));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            diagnostics.add(new Diagnostic(SourceSpan.of(display(root), 0, 0), "cannot read directory: " + e.getMessage()));
        }
    }
}
