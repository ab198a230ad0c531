import dev.covenant.engine.Limits;
import dev.covenant.engine.RuleBase;
import dev.covenant.engine.RuleSources;
import dev.covenant.model.Promise;
import dev.covenant.model.Scenario;
import dev.covenant.records.Audit;
import dev.covenant.records.RecordEngine;
import dev.covenant.records.RecordInputs;
import dev.covenant.records.RowFormat;
import dev.covenant.records.SettingAtUse;
import dev.covenant.records.SettingsHistory;
import dev.covenant.records.UseRecord;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process record-audit measurements for bench/run, 2 threads, warm JVM, median of RUNS:
 * parse + as-of join only (the input ceiling), the record rules on parsed records (chunks of 1,000),
 * the six record rules hand-written in Java (the no-engine ceiling), and the whole embedded audit
 * without writing output.
 * Usage: java -cp ... RecordBench DIR RUNS   (DIR from covenant generate --records)
 */
public final class RecordBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Scenario context = ScenarioLoader.load(dir.resolve("scenario.yaml"), "scenario.yaml").scenario();
        RuleBase rules = RuleBase.compile(RuleSources.readRecords(Path.of("rules")));
        RecordEngine engine = new RecordEngine(rules, RecordEngine.contextOf(context), Limits.DEFAULT);
        SettingsHistory history = Audit.readHistory(dir.resolve("settings-history.csv"), "settings-history.csv",
                context.settings(), SettingsHistory.DEFAULT_MAX_ROWS, d -> { throw new IllegalStateException(d.toString()); });
        List<String> lines = Files.readAllLines(dir.resolve("uses.csv"));
        lines = lines.subList(1, lines.size());
        int n = lines.size();
        List<String> rows = lines;
        UseRecord[] parsed = new UseRecord[n];
        Map<String, String> out = new TreeMap<>();

        List<Double> parse = new ArrayList<>();
        for (int r = 0; r < runs + 1; r++) {
            parse.add(Bench.throughput(2, n, i -> parsed[i] = RecordInputs.use(RowFormat.splitCsv(rows.get(i), 12), "uses.csv", i + 2, history)));
        }
        out.put("records.parse_join.2thread.per_s", Bench.fmt0(Bench.median(parse.subList(1, parse.size()))));

        List<UseRecord> all = java.util.Arrays.asList(parsed);
        int chunks = (n + 999) / 1000;
        AtomicLong found = new AtomicLong();
        List<Double> engineRates = new ArrayList<>();
        for (int r = 0; r < runs + 1; r++) {
            double perChunk = Bench.throughput(2, chunks, c -> found.addAndGet(engine.evaluate(
                    all.subList(c * 1000, Math.min(n, c * 1000 + 1000))).size()));
            engineRates.add(perChunk * n / chunks);
        }
        out.put("records.engine.2thread.per_s", Bench.fmt0(Bench.median(engineRates.subList(1, engineRates.size()))));

        List<Promise> promises = context.promises();
        boolean sca = dev.covenant.model.StoredCommunications.binds(context.platform());
        dev.covenant.model.ConsentClaims claims = dev.covenant.model.ConsentClaims.of(context.practices());
        List<Double> plain = new ArrayList<>();
        for (int r = 0; r < runs + 1; r++) {
            plain.add(Bench.throughput(2, n, i -> found.addAndGet(plainJava(parsed[i], promises, sca, claims))));
        }
        out.put("records.plainjava.2thread.per_s", Bench.fmt0(Bench.median(plain.subList(1, plain.size()))));

        List<Double> whole = new ArrayList<>();
        for (int r = 0; r < runs + 1; r++) {
            long t = System.nanoTime();
            Audit.run(engine, history, List.of(dir.resolve("uses.csv")), List.of("uses.csv"), new Audit.Options(2, 1_000, SettingsHistory.DEFAULT_MAX_ROWS),
                    new Audit.Sink() {
                        @Override
                        public void finding(RecordEngine.Flag flag) {
                        }

                        @Override
                        public void findings(List<RecordEngine.Flag> flags, String jsonLines) {
                            found.addAndGet(jsonLines.length());
                        }

                        @Override
                        public void diagnostic(dev.covenant.source.Diagnostic d) {
                            throw new IllegalStateException(d.toString());
                        }
                    });
            whole.add(n / ((System.nanoTime() - t) / 1e9));
        }
        out.put("records.inprocess.2thread.per_s", Bench.fmt0(Bench.median(whole.subList(1, whole.size()))));
        out.put("records.count", Integer.toString(n));
        out.forEach((k, v) -> System.out.println(k + "=" + v));
        System.err.println(String.format(Locale.ROOT, "(checksum %d)", found.get()));
    }

    /** The six record rules by hand: what the engine's figure is compared with. */
    static int plainJava(UseRecord r, List<Promise> promises, boolean sca, dev.covenant.model.ConsentClaims claims) {
        int findings = 0;
        for (SettingAtUse s : r.settings()) {
            if (s.optedOut() || s.onByDefault()) {
                findings++;
            }
        }
        for (Promise p : promises) {
            if (p.forbidsUse(r.tier(), r.use(), r.category(), r.used()) || p.excludesUse(r.region(), r.use(), r.used())) {
                findings++;
            }
        }
        if (sca && r.inRegion("US") && r.hasCategory("user.content.private") && r.divulged()
                && !r.consented(claims.claimFor(r.use(), r.category()))) {
            findings++;
        }
        if ((r.hasUse("train_ai_system") || r.hasUse("third_party_sharing") || r.disclosedAsChildsData())
                && (r.hasCategory("user.childrens") || r.youngerThan(13) || (r.youngerThan(16) && r.inRegion("EEA")))
                && !claims.parentalClaimFor(r.use(), r.category())) {
            findings++;
        }
        return findings;
    }
}
