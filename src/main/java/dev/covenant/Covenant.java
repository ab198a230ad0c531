package dev.covenant;

import dev.covenant.engine.Batch;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.engine.PackLoader;
import dev.covenant.engine.RuleBase;
import dev.covenant.engine.RuleSources;
import dev.covenant.finding.Report;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Waiver;
import dev.covenant.model.Scenario;
import dev.covenant.review.Baseline;
import dev.covenant.review.ReviewPolicy;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import dev.covenant.scenario.WaiverLoader;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Covenant for JVM callers: compile a rule pack once, evaluate scenarios from any number of threads,
 * and reload the pack without dropping evaluations in flight.
 * <pre>
 * try (Covenant covenant = Covenant.builder().rules(Path.of("rules")).build()) {
 *     Report report = covenant.evaluate(List.of(Path.of("fixtures")));
 *     int exit = report.exitCode(Severity.LOW);
 * }
 * </pre>
 * A pack that does not compile leaves the instance not {@link #ready()}: evaluations then return a
 * report carrying the rule diagnostics, as the CLI does. Findings are issues for counsel to review.
 */
public final class Covenant implements AutoCloseable {

    private final Supplier<RuleSources> sources;
    private final PackLoader loader;
    private final Batch.Options options;
    private final ReviewPolicy review;
    private final AtomicReference<Lease> current = new AtomicReference<>();
    private final Object reloading = new Object();
    private volatile List<Diagnostic> lastDiagnostics = List.of();
    /**
     * Runs the evaluations of scenarios held in memory, so that the caller waits for each at most the
     * batch's outer wait ({@link Batch#evaluateWithin}); daemon threads, so a consequence that never lets
     * go cannot keep the JVM alive.
     */
    private final java.util.concurrent.ExecutorService inMemory = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "covenant-evaluation");
        t.setDaemon(true);
        return t;
    });
    /** Evaluations of {@link #inMemory} given up on by the outer wait whose threads are still busy. */
    private final java.util.concurrent.atomic.AtomicInteger abandoned = new java.util.concurrent.atomic.AtomicInteger();

    private Covenant(Supplier<RuleSources> sources, PackLoader loader, Batch.Options options, ReviewPolicy review) {
        this.sources = sources;
        this.loader = loader;
        this.options = options;
        this.review = review;
        reload();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True once a rule pack has compiled. */
    public boolean ready() {
        return current.get() != null;
    }

    /**
     * How many in-memory evaluations were given up on (their rules ignored the halt) and still run: each
     * holds a thread, and a CPU while it loops, until its consequence lets go, which may be never.
     */
    public int abandoned() {
        return abandoned.get();
    }

    /** The diagnostics of the last compile (empty when it succeeded). */
    public List<Diagnostic> diagnostics() {
        return lastDiagnostics;
    }

    /** The obligation rules of the pack in use. */
    public List<RuleDescriptor> catalog() {
        Lease lease = acquire();
        if (lease == null) {
            return List.of();
        }
        try {
            return lease.base.catalog().obligations();
        } finally {
            lease.release();
        }
    }

    /** Evaluates scenario files and directories (searched recursively), applying waivers and baseline. */
    public Report evaluate(List<Path> paths) {
        Lease lease = acquire();
        if (lease == null) {
            return new Report(lastDiagnostics, List.of(), List.of(), List.of());
        }
        try {
            return review.apply(Batch.run(lease.base, paths, options));
        } finally {
            lease.release();
        }
    }

    /** Evaluates one scenario already loaded. */
    public ScenarioResult evaluate(Scenario scenario) {
        Lease lease = acquire();
        if (lease == null) {
            throw new IllegalStateException("the rule pack did not compile: " + lastDiagnostics);
        }
        try {
            Scenario judged = options.asOf() == null ? scenario : scenario.withAsOf(options.asOf());
            return new Evaluator(lease.base, options.limits()).evaluate(judged);
        } finally {
            lease.release();
        }
    }

    /**
     * Evaluates scenarios held in memory (a request body), each loaded with the name it is reported under,
     * all within {@code budget}: scenarios not reached in time are reported as errors, and so is one whose
     * rules throw or ignore the halt (this returns at most three times the budget plus 5 s after it is called).
     */
    public Report evaluate(List<Document> documents, Duration budget) {
        Lease lease = acquire();
        if (lease == null) {
            return new Report(lastDiagnostics, List.of(), List.of(), List.of());
        }
        try {
            long deadline = System.nanoTime() + budget.toNanos();
            List<ScenarioResult> results = new ArrayList<>();
            for (Document document : documents) {
                LoadResult loaded = document.loaded();
                long left = deadline - System.nanoTime();
                if (!loaded.isValid()) {
                    results.add(ScenarioResult.invalid(loaded.file(), loaded.diagnostics(), loaded.warnings()));
                } else if (left <= 0) {
                    results.add(ScenarioResult.failed(loaded.file(), "not evaluated: the request's time budget of "
                            + budget.toMillis() + " ms was spent"));
                } else {
                    Limits limits = new Limits(options.limits().maxFirings(),
                            Duration.ofNanos(Math.min(left, options.limits().timeBudget().toNanos())));
                    Scenario scenario = options.asOf() == null ? loaded.scenario() : loaded.scenario().withAsOf(options.asOf());
                    results.add(Batch.evaluateWithin(inMemory, new Evaluator(lease.base, limits), scenario, abandoned));
                }
            }
            return review.apply(new Report(List.of(), List.of(), results, lease.base.catalog().obligations()));
        } finally {
            lease.release();
        }
    }

    /** A scenario read from memory. */
    public record Document(LoadResult loaded) {

        public static Document of(byte[] yaml, String name) {
            return new Document(ScenarioLoader.parse(yaml, name));
        }
    }

    /** The outcome of {@link #reload()}: applied, or the diagnostics that kept the last good pack in use. */
    public record Reload(boolean applied, List<Diagnostic> diagnostics) {
    }

    /**
     * Compiles the pack again and swaps it in atomically; evaluations in flight finish on the old one,
     * which is disposed after them. When the new pack does not compile, the last good one stays.
     */
    public Reload reload() {
        synchronized (reloading) {
            RuleBase fresh;
            try {
                fresh = loader.load(sources.get());
            } catch (RuntimeException e) {
                List<Diagnostic> problem = List.of(new Diagnostic(SourceSpan.of("rules", 0, 0), "cannot read the rule pack: " + e.getMessage()));
                lastDiagnostics = problem;
                return new Reload(false, problem);
            }
            if (!fresh.isUsable()) {
                lastDiagnostics = fresh.diagnostics();
                fresh.close();
                return new Reload(false, lastDiagnostics);
            }
            lastDiagnostics = List.of();
            Lease previous = current.getAndSet(new Lease(fresh));
            if (previous != null) {
                previous.retire();
            }
            return new Reload(true, List.of());
        }
    }

    @Override
    public void close() {
        inMemory.shutdownNow();
        Lease lease = current.getAndSet(null);
        if (lease != null) {
            lease.retire();
        }
    }

    private Lease acquire() {
        while (true) {
            Lease lease = current.get();
            if (lease == null || lease.tryAcquire()) {
                return lease;
            }
        }
    }

    /** A rule base with a count of evaluations using it, closed once retired and idle. */
    private static final class Lease {
        final RuleBase base;
        final AtomicInteger users = new AtomicInteger(1); // the one held by "current"

        Lease(RuleBase base) {
            this.base = base;
        }

        boolean tryAcquire() {
            int n;
            do {
                n = users.get();
                if (n == 0) {
                    return false;
                }
            } while (!users.compareAndSet(n, n + 1));
            return true;
        }

        void release() {
            if (users.decrementAndGet() == 0) {
                base.close();
            }
        }

        void retire() {
            release();
        }
    }

    /** Configures a {@link Covenant}. */
    public static final class Builder {
        private Supplier<RuleSources> sources = () -> read(Path.of("rules"));
        private PackLoader loader = PackLoader.standard();
        private Batch.Options options = Batch.Options.defaults();
        private List<Waiver> waivers = List.of();
        private final List<Diagnostic> reviewDiagnostics = new ArrayList<>();
        private Baseline baseline;
        private LocalDate today;

        /** Rules from a directory of DRL files (default {@code rules}). */
        public Builder rules(Path directory) {
            Objects.requireNonNull(directory);
            this.sources = () -> read(directory);
            return this;
        }

        /** The rule pack shipped in the covenant jar. */
        public Builder classpathRules() {
            this.sources = () -> {
                try {
                    return RuleSources.fromClasspath("covenant-rules", Covenant.class.getClassLoader());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            return this;
        }

        /**
         * Where compiled packs are cached between instances and runs (default: the CLI's cache,
         * {@code ~/.cache/covenant}, or none when {@code COVENANT_CACHE=off}); null: always compile.
         */
        public Builder packCache(Path directory) {
            this.loader = directory == null ? PackLoader.compiling() : PackLoader.cachedIn(directory);
            return this;
        }

        public Builder limits(Limits limits) {
            options = new Batch.Options(options.asOf(), options.threads(), limits);
            return this;
        }

        public Builder threads(int threads) {
            options = new Batch.Options(options.asOf(), threads, options.limits());
            return this;
        }

        /** Judges every scenario as of this date instead of its own. */
        public Builder asOf(LocalDate date) {
            options = options.withAsOf(date);
            return this;
        }

        public Builder waivers(List<Waiver> accepted) {
            this.waivers = List.copyOf(accepted);
            return this;
        }

        /** Waivers from a YAML file; an invalid file makes every report carry its diagnostics (exit 2). */
        public Builder waivers(Path file) {
            WaiverLoader.Result loaded = WaiverLoader.load(file);
            this.waivers = loaded.waivers();
            reviewDiagnostics.addAll(loaded.diagnostics());
            return this;
        }

        /** A previous JSON report: findings are then new or unchanged, and fixed ones are listed. */
        public Builder baseline(Path file) {
            Baseline.Result loaded = Baseline.load(file);
            this.baseline = loaded.baseline();
            reviewDiagnostics.addAll(loaded.diagnostics());
            return this;
        }

        /** The date waivers' expiry is judged on (default: the system clock's today). */
        public Builder today(LocalDate date) {
            this.today = date;
            return this;
        }

        public Covenant build() {
            ReviewPolicy review = new ReviewPolicy(waivers, baseline, reviewDiagnostics, today == null ? LocalDate.now() : today);
            return new Covenant(sources, loader, options, review);
        }

        private static RuleSources read(Path directory) {
            try {
                return RuleSources.read(directory);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
