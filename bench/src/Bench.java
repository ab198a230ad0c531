import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.engine.RuleBase;
import dev.covenant.engine.RuleSources;
import dev.covenant.model.Cohort;
import dev.covenant.model.DocumentVersion;
import dev.covenant.model.Practice;
import dev.covenant.model.Recipient;
import dev.covenant.model.Scenario;
import dev.covenant.model.Service;
import dev.covenant.model.Setting;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process measurements for bench/run: rule compile time (shipped pack, generated 1,000-rule pack),
 * in-memory evaluation throughput on 1 and 2 threads, the parse-only ceiling from files, and a plain-Java
 * ceiling (three obligations hand-written over the same facts). Each figure is the median of several runs.
 * Usage: java -cp target/classes:target/lib/*:bench/classes Bench GENERATED_DIR RUNS
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        Path generated = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Map<String, String> out = new TreeMap<>();

        List<Double> compile = new ArrayList<>();
        RuleBase shipped = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            RuleBase rb = RuleBase.compile(Path.of("rules"));
            compile.add((System.nanoTime() - t) / 1e9);
            if (shipped == null) {
                shipped = rb;
            } else {
                rb.close();
            }
        }
        out.put("compile.shipped.first_s", fmt(compile.get(0)));
        out.put("compile.shipped.warm_s", fmt(median(compile.subList(1, compile.size()))));

        Path bigPack = Files.createTempDirectory("covenant-1000-rules");
        writeGeneratedPack(bigPack, 1000);
        long t0 = System.nanoTime();
        RuleBase big = RuleBase.compile(RuleSources.read(bigPack));
        out.put("compile.generated1000.first_s", fmt((System.nanoTime() - t0) / 1e9));
        out.put("compile.generated1000.rules", Integer.toString(big.isUsable() ? big.catalog().rules().size() : -1));
        if (!big.isUsable()) {
            System.err.println(big.diagnostics().subList(0, Math.min(3, big.diagnostics().size())));
        }
        big.close();

        List<ScenarioFiles.Found> files = ScenarioFiles.find(List.of(generated)).files();
        List<Scenario> scenarios = new ArrayList<>();
        for (ScenarioFiles.Found f : files.subList(0, Math.min(2000, files.size()))) {
            LoadResult loaded = ScenarioLoader.load(f.path(), f.display());
            scenarios.add(loaded.scenario());
        }
        Evaluator evaluator = new Evaluator(shipped, Limits.DEFAULT);
        for (int threads : new int[] {1, 2}) {
            List<Double> rates = new ArrayList<>();
            for (int r = 0; r < runs + 1; r++) {
                rates.add(throughput(threads, scenarios.size() * 2, i -> evaluator.evaluate(scenarios.get(i % scenarios.size()))));
            }
            out.put("eval.inmemory." + threads + "thread.per_s", fmt0(median(rates.subList(1, rates.size()))));
        }

        List<ScenarioFiles.Found> sample = files.subList(0, Math.min(10_000, files.size()));
        for (int threads : new int[] {2}) {
            List<Double> parse = new ArrayList<>();
            List<Double> endToEnd = new ArrayList<>();
            for (int r = 0; r < runs + 1; r++) {
                parse.add(throughput(threads, sample.size(), i -> ScenarioLoader.load(sample.get(i).path(), sample.get(i).display())));
                endToEnd.add(throughput(threads, sample.size(), i -> {
                    LoadResult loaded = ScenarioLoader.load(sample.get(i).path(), sample.get(i).display());
                    evaluator.evaluate(loaded.scenario());
                }));
            }
            out.put("parse.ceiling." + threads + "thread.per_s", fmt0(median(parse.subList(1, parse.size()))));
            out.put("files.inprocess." + threads + "thread.per_s", fmt0(median(endToEnd.subList(1, endToEnd.size()))));
        }

        AtomicLong sink = new AtomicLong();
        List<Double> plain = new ArrayList<>();
        for (int r = 0; r < runs + 1; r++) {
            plain.add(throughput(2, scenarios.size() * 50, i -> sink.addAndGet(plainJava(scenarios.get(i % scenarios.size())))));
        }
        out.put("plainjava.3rules.2thread.per_s", fmt0(median(plain.subList(1, plain.size()))));
        out.forEach((k, v) -> System.out.println(k + "=" + v));
        shipped.close();
    }

    /** SCA-DISCLOSURE, OPT-OUT-DEFAULT and BACKDATED-EFFECTIVE-DATE by hand, without the engine: the no-engine ceiling. */
    static long plainJava(Scenario s) {
        long findings = 0;
        boolean provider = s.platform().provides(Service.ELECTRONIC_COMMUNICATION) || s.platform().provides(Service.REMOTE_COMPUTING);
        for (Practice p : s.practices()) {
            boolean consent = p.legalBasis() != null && (p.legalBasis().isExpressConsent()
                    || (p.legalBasis().isSetting() && s.settings().stream().anyMatch(x -> p.governedBy(x) && !x.defaultOn())));
            boolean outside = p.recipients().stream().anyMatch(Recipient::outsidePlatform);
            long us = 0;
            for (Cohort c : s.cohorts()) {
                if (c.inRegion("US") && p.reaches(c, s.asOf())) {
                    us += c.count();
                }
            }
            if (provider && p.hasCategory("user.content.private") && !consent && outside && us > 0) {
                findings++;
            }
        }
        for (Setting setting : s.settings()) {
            if (setting.defaultOn() && (setting.enablesUse("train_ai_system") || setting.enablesUse("third_party_sharing"))
                    && s.cohorts().stream().anyMatch(c -> setting.appliesTo(c) && c.hadMembersBefore(setting.introduced()) && c.inRegion("US"))) {
                findings++;
            }
        }
        for (DocumentVersion v : s.versions()) {
            if (v.backdated() && s.cohorts().stream().anyMatch(c -> c.inRegion("US"))) {
                findings++;
            }
        }
        return findings;
    }

    interface Task {
        void run(int i) throws Exception;
    }

    static double throughput(int threads, int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        int chunk = (n + threads - 1) / threads;
        for (int k = 0; k < threads; k++) {
            int from = k * chunk;
            int to = Math.min(n, from + chunk);
            futures.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    task.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return n / ((System.nanoTime() - t) / 1e9);
    }

    /** A pack of {@code count} obligation rules shaped like the shipped ones, each with its own id. */
    static void writeGeneratedPack(Path dir, int count) throws Exception {
        StringBuilder drl = new StringBuilder("""
                package bench.generated;
                import dev.covenant.model.*;
                import dev.covenant.classify.*;
                import java.util.List;
                import function dev.covenant.engine.FindingBuilder.finding;
                """);
        String[] uses = {"train_ai_system", "third_party_sharing", "marketing.advertising", "essential.service"};
        String[] regions = {"US", "EU", "UK", "US-CA", "DE", "CH"};
        for (int i = 0; i < count; i++) {
            drl.append(String.format(Locale.ROOT, """
                    rule "GEN-%04d"
                        @id("GEN-%04d") @title("Generated rule %d") @severity("low") @reference("Generated citation %d")
                    when
                        $practice : Practice( hasUse("%s") )
                        $cohorts : List( size > %d ) from accumulate( $c : Cohort( inRegion("%s"), count > %d ), collectList( $c ) )
                    then
                        finding(kcontext).about($practice).report();
                    end
                    """, i, i, i, i, uses[i % uses.length], i % 3, regions[i % regions.length], i * 100));
        }
        Files.writeString(dir.resolve("generated.drl"), drl.toString());
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String fmt0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
