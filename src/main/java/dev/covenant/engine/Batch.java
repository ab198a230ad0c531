package dev.covenant.engine;

import dev.covenant.finding.Report;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.model.Scenario;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioIds;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Consumer;
import dev.covenant.source.Diagnostic;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads and evaluates many scenario files in parallel; one broken file never stops the others, and
 * every file found is accounted for in the report (evaluated, invalid or error).
 */
public final class Batch {

    /** How a batch runs: {@code asOf} (nullable) overrides every scenario's own date. */
    public record Options(LocalDate asOf, int threads, Limits limits) {

        public static Options defaults() {
            return new Options(null, Runtime.getRuntime().availableProcessors(), Limits.DEFAULT);
        }

        public Options withAsOf(LocalDate date) {
            return new Options(date, threads, limits);
        }
    }

    private Batch() {
    }

    /** Evaluates everything and collects the report (for formats that need the whole of it). */
    public static Report run(RuleBase ruleBase, List<Path> roots, Options options) {
        if (!ruleBase.isUsable()) {
            return new Report(ruleBase.diagnostics(), List.of(), List.of(), List.of());
        }
        List<ScenarioResult> results = new ArrayList<>();
        List<Diagnostic> problems = stream(ruleBase, roots, options, results::add);
        return new Report(List.of(), problems, results, ruleBase.catalog().obligations());
    }

    /**
     * Evaluates every scenario file under {@code roots} in parallel and hands each result to {@code sink}
     * in file order, as soon as it and those before it are done. At most a small window of scenarios is
     * in flight, so memory does not grow with their number. Returns the paths that could not be searched.
     */
    public static List<Diagnostic> stream(RuleBase ruleBase, List<Path> roots, Options options, Consumer<ScenarioResult> sink) {
        List<Diagnostic> problems = new ArrayList<>();
        Iterator<ScenarioFiles.Found> files = ScenarioFiles.walk(roots, problems::add);
        Evaluator evaluator = new Evaluator(ruleBase, options.limits());
        int threads = Math.max(1, options.threads());
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "covenant-eval-" + counter.incrementAndGet());
            t.setDaemon(true); // a consequence stuck in plain Java must not keep the JVM alive
            return t;
        });
        // The watchdog halts rule loops within the budget; this outer wait only catches code that
        // ignores a halt (an endless loop inside one consequence).
        long grace = options.limits().outerWait().toMillis();
        Deque<Pending> window = new ArrayDeque<>();
        ScenarioIds ids = new ScenarioIds();
        try {
            while (files.hasNext()) {
                ScenarioFiles.Found file = files.next();
                window.add(new Pending(file, pool.submit(() -> evaluate(evaluator, file, options.asOf()))));
                if (window.size() >= threads * 8) {
                    sink.accept(unique(await(window.poll(), grace), ids));
                }
            }
            while (!window.isEmpty()) {
                sink.accept(unique(await(window.poll(), grace), ids));
            }
        } finally {
            pool.shutdownNow();
        }
        return problems.stream().sorted().toList();
    }

    private record Pending(ScenarioFiles.Found file, Future<Evaluated> result) {
    }

    /** A file's result, with the scenario read from it (null when it could not be read). */
    private record Evaluated(ScenarioResult result, Scenario scenario) {
    }

    /** Loads and evaluates one file; never throws. */
    public static ScenarioResult evaluateFile(Evaluator evaluator, ScenarioFiles.Found file, LocalDate asOf) {
        return evaluate(evaluator, file, asOf).result();
    }

    private static Evaluated evaluate(Evaluator evaluator, ScenarioFiles.Found file, LocalDate asOf) {
        LoadResult loaded;
        try {
            loaded = ScenarioLoader.load(file.path(), file.display());
        } catch (RuntimeException e) {
            return new Evaluated(ScenarioResult.failed(file.display(), "internal error while loading: " + e), null);
        }
        if (!loaded.isValid()) {
            return new Evaluated(ScenarioResult.invalid(file.display(), loaded.diagnostics(), loaded.warnings()), null);
        }
        Scenario scenario = asOf == null ? loaded.scenario() : loaded.scenario().withAsOf(asOf);
        return new Evaluated(evaluator.evaluate(scenario), scenario);
    }

    /**
     * The first file with an id keeps it; a later file with the same id is invalid input, its diagnostic
     * naming the first. Claimed here, in file order, so the verdict does not depend on thread timing.
     */
    private static ScenarioResult unique(Evaluated done, ScenarioIds ids) {
        if (done.scenario() == null) {
            return done.result();
        }
        String first = ids.claim(done.scenario().id(), done.result().file());
        return first == null ? done.result()
                : ScenarioResult.invalid(done.result().file(), List.of(ScenarioIds.duplicate(done.scenario(), first)));
    }

    private static Evaluated await(Pending pending, long graceMillis) {
        String file = pending.file().display();
        return await(pending.result(), file, graceMillis, message -> new Evaluated(ScenarioResult.failed(file, message), null));
    }

    /**
     * Evaluates one scenario on {@code pool} and waits for it at most {@link Limits#outerWait()} of the
     * evaluator's limits: the same outer bound as a batch, for callers that evaluate scenarios held in
     * memory (the Java API, {@code covenant serve}). A run that throws (an {@code Error} such as
     * StackOverflowError too) or that is abandoned becomes that scenario's error; this never throws for
     * what a rule does. An abandoned run keeps its thread busy until its consequence lets go:
     * {@code abandoned} counts those still running, so that a caller can stop taking work while they do.
     */
    public static ScenarioResult evaluateWithin(ExecutorService pool, Evaluator evaluator, Scenario scenario, AtomicInteger abandoned) {
        // RUNNING until whichever comes first: the run ending (DONE) or the outer wait giving up (ABANDONED).
        AtomicInteger state = new AtomicInteger(RUNNING);
        Future<ScenarioResult> result;
        try {
            result = pool.submit(() -> {
                try {
                    return evaluator.evaluate(scenario);
                } finally {
                    if (!state.compareAndSet(RUNNING, DONE)) {
                        abandoned.decrementAndGet(); // given up on earlier; its thread is free again only now
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return ScenarioResult.failed(scenario.file(), "not evaluated: the evaluator is shutting down");
        }
        return await(result, scenario.file(), evaluator.limits().outerWait().toMillis(), message -> {
            if (state.compareAndSet(RUNNING, ABANDONED)) {
                abandoned.incrementAndGet();
            }
            return ScenarioResult.failed(scenario.file(), message);
        });
    }

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;

    /** The one outer wait: a result, or what {@code failed} makes of the reason there is none. */
    private static <T> T await(Future<T> future, String file, long graceMillis, java.util.function.Function<String, T> failed) {
        try {
            return future.get(graceMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed.apply("evaluation did not finish within " + graceMillis + " ms and ignored the halt; a rule consequence may loop");
        } catch (ExecutionException e) {
            return failed.apply("internal error: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating " + file, e);
        }
    }
}
