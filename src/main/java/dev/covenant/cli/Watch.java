package dev.covenant.cli;

import dev.covenant.engine.RuleBase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code --watch}: runs a command, then again whenever a rule or scenario file changes. A rule edit
 * recompiles the pack in the warm JVM; an edit that does not compile shows its diagnostics and keeps
 * the last rule base that did. A scenario edit re-runs without recompiling. Each re-run reports the
 * time from noticing the change to the results.
 */
final class Watch {

    /** One run of the watched command against a rule base; returns its exit code. */
    interface Run {
        int run(RuleBase ruleBase) throws IOException;
    }

    /** Changes closer together than this are one edit (editors write a file in several steps). */
    private static final long SETTLE_MILLIS = 60;

    private final Path rules;
    private final List<Path> inputs;
    private final PrintWriter err;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private volatile boolean stopped;
    private boolean failedLastCompile;
    private volatile WatchService service;

    Watch(Path rules, List<Path> inputs, PrintWriter err) {
        this.rules = rules.toAbsolutePath().normalize();
        this.inputs = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.err = err;
    }

    /** Runs until {@link #stop()} or interruption; returns the last run's exit code. */
    int run(Run once) throws IOException {
        RuleBase current = compile(null);
        int code = current == null ? 2 : once.run(current);
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            service = watcher;
            register(rules);
            inputs.forEach(this::register);
            err.println("[watch] watching " + rules + " and " + inputs.size() + " input path(s); Ctrl-C to stop");
            err.flush();
            while (!stopped) {
                Set<Path> changed = nextChange(watcher);
                if (changed.isEmpty()) {
                    continue;
                }
                long start = System.nanoTime();
                boolean ruleEdit = changed.stream().anyMatch(p -> p.startsWith(rules) && dev.covenant.engine.RuleSources.isRuleFile(p));
                if (ruleEdit || current == null) {
                    RuleBase next = compile(current);
                    if (next == null || (next == current && failedLastCompile)) {
                        continue; // diagnostics shown; nothing new to run
                    }
                    current = next;
                }
                code = once.run(current);
                err.printf(Locale.ROOT, "[watch] %s changed; results in %d ms%n", names(changed), (System.nanoTime() - start) / 1_000_000);
                err.flush();
            }
        } catch (ClosedWatchServiceException e) {
            // stop() closed the service
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (current != null) {
                current.close();
            }
        }
        return code;
    }

    void stop() {
        stopped = true;
        WatchService watcher = service;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // closing is best effort; the loop ends on the flag
            }
        }
    }

    /**
     * Brings the pack up to date — only the changed files are recompiled when there is a good base — and
     * on diagnostics prints them and returns {@code previous}, the last base that compiled.
     */
    private RuleBase compile(RuleBase previous) {
        RuleBase next = previous == null ? RuleBase.compile(rules) : previous.update();
        failedLastCompile = !next.isUsable();
        if (!failedLastCompile) {
            if (previous != null && next != previous) {
                previous.close();
            }
            return next;
        }
        Output.diagnostics(next.diagnostics(), err);
        next.close();
        err.println(previous == null ? "[watch] the rules do not compile; waiting for a fix"
                : "[watch] the rules do not compile; keeping the last rule base that did");
        err.flush();
        return previous;
    }

    /** Waits for changes to rule or scenario files, then for the edit to settle; new directories are watched too. */
    private Set<Path> nextChange(WatchService watcher) throws InterruptedException {
        Set<Path> changed = new LinkedHashSet<>();
        WatchKey key = watcher.poll(250, TimeUnit.MILLISECONDS);
        while (key != null) {
            Path dir = directories.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                    changed.add(rules.resolve("(many files)"));
                    continue;
                }
                Path path = dir.resolve((Path) event.context());
                if (Files.isDirectory(path)) {
                    register(path);
                }
                if (relevant(path)) {
                    changed.add(path);
                }
            }
            key.reset();
            key = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
        return changed;
    }

    private boolean relevant(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean input = inputs.stream().anyMatch(path::startsWith) || inputs.contains(path);
        return (path.startsWith(rules) && dev.covenant.engine.RuleSources.isRuleFile(path))
                || (input && (name.endsWith(".yaml") || name.endsWith(".yml")));
    }

    private void register(Path root) {
        Path dir = Files.isDirectory(root) ? root : root.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isDirectory).forEach(dirs::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("[watch] cannot watch " + dir + ": " + e.getMessage());
        }
        for (Path d : dirs) {
            if (directories.containsValue(d)) {
                continue;
            }
            try {
                WatchKey key = d.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                directories.put(key, d);
            } catch (IOException e) {
                err.println("[watch] cannot watch " + d + ": " + e.getMessage());
            }
        }
    }

    private static String names(Set<Path> changed) {
        List<String> names = changed.stream().map(p -> p.getFileName().toString()).distinct().toList();
        return names.size() <= 3 ? String.join(", ", names) : names.size() + " files";
    }
}
