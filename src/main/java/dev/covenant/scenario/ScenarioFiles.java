package dev.covenant.scenario;

import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds scenario files: each path is a file, or a directory walked recursively (following links,
 * reporting loops) for {@code *.yaml} and {@code *.yml}. Files come in one deterministic order — by
 * path, segment by segment — and the walk is lazy, holding one directory listing per level, so a
 * million files cost no more memory than a dozen.
 */
public final class ScenarioFiles {

    /** A scenario file and the name it is reported under (relative to the working directory when inside it). */
    public record Found(Path path, String display) {
    }

    /** The files found, and the paths that could not be searched. */
    public record Listing(List<Found> files, List<Diagnostic> diagnostics) {
    }

    /** Orders display paths segment by segment, the order a sorted recursive walk visits them in. */
    public static final Comparator<String> PATH_ORDER = dev.covenant.source.PathOrder.SEGMENTS;

    private ScenarioFiles() {
    }

    /** Every file, collected (for small runs and tools that need the whole list). */
    public static Listing find(List<Path> roots) {
        List<Found> files = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Iterator<Found> walk = walk(roots, diagnostics::add);
        walk.forEachRemaining(files::add);
        return new Listing(List.copyOf(files), diagnostics.stream().sorted().toList());
    }

    /** The files, lazily, in {@link #PATH_ORDER}; problems go to {@code problems} as they are met. */
    public static Iterator<Found> walk(List<Path> roots, Consumer<Diagnostic> problems) {
        return walk(roots, ScenarioFiles::isScenarioFile, "scenario files (*.yaml, *.yml)", problems);
    }

    /**
     * The same walk for other inputs ({@code covenant audit}'s record files): files {@code accept} takes,
     * directories followed through symbolic links with loops reported, a directory that gives none
     * reported as having no {@code what}.
     */
    public static Iterator<Found> walk(List<Path> roots, java.util.function.Predicate<Path> accept, String what,
            Consumer<Diagnostic> problems) {
        List<Path> sorted = roots.stream().sorted(Comparator.comparing(ScenarioFiles::display, PATH_ORDER)).toList();
        return new Walk(sorted, accept, what, problems);
    }

    public static boolean isScenarioFile(Path path) {
        Path name = path.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /** The path as users should see it: relative to the working directory when it lies inside it. */
    public static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** A depth-first walk over sorted directory listings, with the directories on the current branch kept to spot loops. */
    private static final class Walk implements Iterator<Found> {
        private final Deque<Path> roots;
        private final Consumer<Diagnostic> problems;
        private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
        private final Deque<Object> branch = new ArrayDeque<>();
        private final Set<Object> onBranch = new HashSet<>();
        private Found next;
        /** The root directory being walked and how many scenario files it gave: none is a mistake worth saying. */
        private Path openRoot;
        private int foundUnderRoot;

        private final java.util.function.Predicate<Path> accept;
        private final String what;

        Walk(List<Path> roots, java.util.function.Predicate<Path> accept, String what, Consumer<Diagnostic> problems) {
            this.accept = accept;
            this.what = what;
            this.roots = new ArrayDeque<>(roots);
            this.problems = problems;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (stack.isEmpty() && openRoot != null) {
                    closeRoot();
                }
                if (!stack.isEmpty()) {
                    Iterator<Path> level = stack.peek();
                    if (!level.hasNext()) {
                        stack.pop();
                        onBranch.remove(branch.pop());
                        continue;
                    }
                    visit(level.next());
                } else if (!roots.isEmpty()) {
                    Path root = roots.pop();
                    if (!Files.exists(root)) {
                        problems.accept(new Diagnostic(SourceSpan.of(display(root), 0, 0), "no such file or directory"));
                    } else if (Files.isDirectory(root)) {
                        enter(root);
                        if (!stack.isEmpty()) {
                            openRoot = root;
                            foundUnderRoot = 0;
                        }
                    } else if (!Files.isRegularFile(root)) {
                        // A FIFO or device named on the command line would block the reader forever.
                        problems.accept(new Diagnostic(SourceSpan.of(display(root), 0, 0), "not a regular file (a pipe or a device); not read"));
                    } else {
                        next = new Found(root, display(root));
                    }
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Found next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Found found = next;
            next = null;
            return found;
        }

        private void visit(Path path) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (IOException e) {
                problems.accept(new Diagnostic(SourceSpan.of(display(path), 0, 0), "cannot read: " + reason(e)));
                return;
            }
            if (attributes.isDirectory()) {
                enter(path);
            } else if (attributes.isRegularFile() && accept.test(path)) {
                next = new Found(path, display(path));
                foundUnderRoot++;
            }
        }

        /**
         * A directory named on the command line that holds no scenario file is reported: a run that
         * checked nothing must not look like a run that found nothing wrong.
         */
        private void closeRoot() {
            if (foundUnderRoot == 0) {
                problems.accept(new Diagnostic(SourceSpan.of(display(openRoot), 0, 0),
                        "no " + what + " under this directory"));
            }
            openRoot = null;
        }

        private void enter(Path dir) {
            Object key;
            List<Path> children = new ArrayList<>();
            try {
                key = directoryKey(dir);
                if (onBranch.contains(key)) {
                    problems.accept(new Diagnostic(SourceSpan.of(display(dir), 0, 0), "symbolic link loop; not followed"));
                    return;
                }
                try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
                    listing.forEach(children::add);
                }
            } catch (IOException e) {
                problems.accept(new Diagnostic(SourceSpan.of(display(dir), 0, 0), "cannot read directory: " + reason(e)));
                return;
            }
            children.sort(Comparator.comparing(p -> p.getFileName().toString()));
            branch.push(key);
            onBranch.add(key);
            stack.push(children.iterator());
        }

        private static Object directoryKey(Path dir) throws IOException {
            Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
            return key != null ? key : dir.toRealPath();
        }

        private static String reason(IOException e) {
            return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
        }
    }
}
