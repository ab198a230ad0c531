package dev.covenant.spark;

import dev.covenant.engine.Limits;
import dev.covenant.engine.RuleSources;
import dev.covenant.finding.Severity;
import dev.covenant.finding.Verdict;
import dev.covenant.records.Audit;
import dev.covenant.records.AuditOutcome;
import dev.covenant.records.AuditSummary;
import dev.covenant.records.RecordEngine;
import dev.covenant.records.RecordInputs;
import dev.covenant.records.RowFormat;
import dev.covenant.records.SettingsHistory;
import dev.covenant.records.UseRecord;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The record audit on Apache Spark: the same inputs, record rules and outputs as
 * {@code covenant audit}, for logs larger than one machine should grind through.
 *
 * <p>Rows keep their file and line (for Parquet, the row number) from the start. The as-of join is
 * a cogroup of records and setting changes by member, so each member's history is joined where the
 * member's records land, never collected to the driver. Each executor compiles the record rules
 * once ({@link JobSpec}) and judges 1,000 records per session, streaming through its partitions.
 * Findings are sorted as the embedded audit writes them (file, line, rule, what they were held
 * against) and written as JSON Lines part files; {@code summary.json} and {@code diagnostics.jsonl}
 * are the same files the embedded audit writes.
 */
public final class SparkAudit {

    private static final int CHUNK = dev.covenant.records.Audit.CHUNK;

    /**
     * The job's inputs, as the CLI's options. Paths are local files/directories or Hadoop URIs.
     * {@code failOn} is {@code covenant audit}'s {@code --fail-on} (default {@code low}); {@code limits} its
     * {@code --max-firings} and {@code --time-budget} per chunk of 1,000 records, with the same defaults and bounds.
     */
    public record Options(Path scenario, List<String> records, String settingsHistory, Path rules, String out, Severity failOn,
            Limits limits) {

        public Options(Path scenario, List<String> records, String settingsHistory, Path rules, String out) {
            this(scenario, records, settingsHistory, rules, out, Severity.LOW, Limits.DEFAULT);
        }
    }

    /** What the job found; its exit code is {@code covenant audit}'s on the same data (the same {@link AuditOutcome}). */
    public record Result(long rows, long invalid, long findings, AuditOutcome outcome) implements Verdict {

        @Override
        public boolean inconclusive() {
            return outcome.inconclusive();
        }

        @Override
        public boolean fails(Severity failOn) {
            return outcome.fails(failOn);
        }
    }

    /** A command line the job cannot run: exit 2 with the usage. */
    static final class UsageException extends Exception {
        UsageException(String problem) {
            super("covenant-spark: " + problem + "\nusage: spark-submit --class dev.covenant.spark.SparkAudit covenant-spark.jar"
                    + " --scenario FILE --records PATH... [--settings-history FILE] --out DIR [--rules DIR] [--fail-on SEVERITY]"
                    + " [--max-firings N] [--time-budget SECONDS]");
        }
    }

    private SparkAudit() {
    }

    /** {@code spark-submit --class dev.covenant.spark.SparkAudit covenant-spark.jar --scenario F --records P... [--settings-history F] --out DIR [--rules DIR] [--fail-on S]} */
    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.exit(Verdict.EXIT_INVALID);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("covenant-audit").getOrCreate();
        int code;
        try {
            code = execute(spark, options, System.err);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    static Options parse(String[] args) throws UsageException {
        Path scenario = null;
        List<String> records = new ArrayList<>();
        String history = null;
        Path rules = Path.of("rules");
        String out = null;
        Severity failOn = Severity.LOW;
        long maxFirings = Limits.DEFAULT.maxFirings();
        double timeBudget = Limits.DEFAULT.timeBudget().toMillis() / 1000.0;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.equals("--records") && i + 1 >= args.length) {
                throw new UsageException("missing value for " + option);
            }
            switch (option) {
                case "--scenario" -> scenario = Path.of(args[++i]);
                case "--records" -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        records.add(args[++i]);
                    }
                }
                case "--settings-history" -> history = args[++i];
                case "--rules" -> rules = Path.of(args[++i]);
                case "--out" -> out = args[++i];
                case "--fail-on" -> {
                    String text = args[++i];
                    failOn = Severity.parse(text).orElseThrow(() -> new UsageException("unknown --fail-on '" + text
                            + "'; expected one of: " + Severity.choices()));
                }
                case "--max-firings" -> maxFirings = integer(option, args[++i]);
                case "--time-budget" -> timeBudget = seconds(option, args[++i]);
                default -> throw new UsageException("unknown argument '" + option + "'");
            }
        }
        if (scenario == null || records.isEmpty() || out == null) {
            throw new UsageException("--scenario, --records and --out are required");
        }
        try {
            return new Options(scenario, records, history, rules, out, failOn, Limits.of(maxFirings, timeBudget));
        } catch (Limits.OutOfRange e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static long integer(String option, String text) throws UsageException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value for " + option + ": '" + text + "' is not a whole number");
        }
    }

    private static double seconds(String option, String text) throws UsageException {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value for " + option + ": '" + text + "' is not a number of seconds");
        }
    }

    /**
     * Runs the job and returns its exit code, decided as {@code covenant audit} decides it: 2 for
     * unusable inputs or any bad row (of the records or of the settings history) or a job that
     * failed, else 1 for a finding at or above {@code --fail-on}, else 0.
     */
    static int execute(SparkSession spark, Options options, java.io.PrintStream err) {
        try {
            Result result = run(spark, options);
            err.printf(Locale.ROOT, "covenant-spark: %,d records (%,d invalid), %,d findings; wrote %s%n",
                    result.rows(), result.invalid(), result.findings(), options.out());
            return result.exitCode(options.failOn());
        } catch (InputException e) {
            err.println(e.getMessage());
            return Verdict.EXIT_INVALID;
        } catch (Exception e) {
            // Spark's own exceptions are checked but undeclared (Scala), hence Exception.
            // As covenant audit: a rule that failed or ran out of its limits on some chunk fails the job.
            err.println("covenant-spark: the audit failed: " + e);
            return Verdict.EXIT_INVALID;
        }
    }

    /** An input that cannot be used at all: the job stops before any output is written. */
    public static final class InputException extends Exception {
        InputException(List<Diagnostic> diagnostics) {
            super(String.join("\n", diagnostics.stream().map(Diagnostic::format).toList()));
        }
    }

    /** One input row on its way: where it came from and its cells, or why it could not be split. */
    static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        final int file;
        final long line;
        final String[] cells;
        final String error;

        Row(int file, long line, String[] cells, String error) {
            this.file = file;
            this.line = line;
            this.cells = cells;
            this.error = error;
        }
    }

    /** One output: a finding, a diagnostic, a member's count of valid setting changes, or a chunk's count of judged records. */
    static final class Out implements Serializable {
        private static final long serialVersionUID = 1L;
        final char kind;
        final String key;
        final String text;
        final String rule;
        final String region;
        final String tier;
        final String member;
        final long count;

        Out(char kind, String key, String text, String rule, String region, String tier, String member, long count) {
            this.kind = kind;
            this.key = key;
            this.text = text;
            this.rule = rule;
            this.region = region;
            this.tier = tier;
            this.member = member;
            this.count = count;
        }
    }

    static final char FINDING = 'F';
    static final char USE_DIAGNOSTIC = 'U';
    static final char HISTORY_DIAGNOSTIC = 'H';
    static final char MEMBER = 'M';
    static final char JUDGED = 'J';

    public static Result run(SparkSession spark, Options options) throws IOException, InputException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Diagnostic> fatal = new ArrayList<>();

        byte[] scenarioBytes = Files.readAllBytes(options.scenario());
        String scenarioDisplay = ScenarioFiles.display(options.scenario());
        RuleSources rules = RuleSources.readRecords(options.rules());
        JobSpec spec = new JobSpec(rules, scenarioBytes, scenarioDisplay, options.limits());
        JobSpec.Built driver;
        try {
            driver = spec.built(); // fails here, on the driver, for a bad scenario or rules
        } catch (JobSpec.Unusable e) {
            throw new InputException(e.diagnostics());
        }
        Map<String, dev.covenant.finding.RuleDescriptor> judged = driver.engine().rulesById();

        List<String> files = new ArrayList<>();
        List<String> displays = new ArrayList<>();
        for (String input : options.records()) {
            Path local = Path.of(input);
            if (input.contains("://")) {
                files.add(input);
                displays.add(input);
            } else if (input.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
                // A Parquet file, or the directory of part files Spark writes: read as one input.
                if (!Files.exists(local)) {
                    fatal.add(new Diagnostic(SourceSpan.of(ScenarioFiles.display(local), 0, 0), "no such file or directory"));
                }
                files.add(input);
                displays.add(ScenarioFiles.display(local));
            } else {
                List<Path> found = new ArrayList<>();
                Audit.collectFiles(local, found, fatal);
                for (Path p : found) {
                    files.add(p.toString());
                    displays.add(ScenarioFiles.display(p));
                }
            }
        }
        if (!fatal.isEmpty()) {
            throw new InputException(fatal);
        }

        // Records: every non-blank row with its file and line, split into cells in the columns' order.
        JavaRDD<Row> uses = null;
        for (int f = 0; f < files.size(); f++) {
            JavaRDD<Row> rows = rows(spark, sc, files.get(f), displays.get(f), f, RecordInputs.USES, fatal);
            uses = uses == null ? rows : uses.union(rows);
        }
        String historyDisplay = options.settingsHistory() == null ? null
                : options.settingsHistory().contains("://") ? options.settingsHistory() : ScenarioFiles.display(Path.of(options.settingsHistory()));
        JavaRDD<Row> history = options.settingsHistory() == null ? sc.emptyRDD()
                : rows(spark, sc, options.settingsHistory(), historyDisplay, -1, RecordInputs.SETTINGS, fatal);
        if (!fatal.isEmpty()) {
            throw new InputException(fatal);
        }

        String[] names = displays.toArray(String[]::new);
        String historyName = historyDisplay;
        JavaRDD<Out> splitErrors = uses.filter(r -> r.error != null)
                .map(r -> diagnostic(USE_DIAGNOSTIC, r.file, names[r.file], r.line, r.error));
        JavaRDD<Out> historySplitErrors = history.filter(r -> r.error != null)
                .map(r -> diagnostic(HISTORY_DIAGNOSTIC, -1, historyName, r.line, r.error));

        // The as-of join: records and setting changes meet by member.
        JavaPairRDD<String, Row> usesByMember = uses.filter(r -> r.error == null).mapToPair(r -> new Tuple2<>(member(r.cells[1]), r));
        JavaPairRDD<String, Row> changesByMember = history.filter(r -> r.error == null).mapToPair(r -> new Tuple2<>(member(r.cells[0]), r));
        // Small partitions keep each member group's shuffle read and judging within an executor's memory.
        int partitions = Math.max(sc.defaultParallelism(), uses.getNumPartitions() * 2);
        JavaRDD<Out> judgedOut = usesByMember.cogroup(changesByMember, partitions)
                .mapPartitions(members -> new Judging(spec, names, historyName, members));
        // Several actions read the outputs; kept on disk, streamed, so a partition never has to fit in memory.
        JavaRDD<Out> all = judgedOut.union(splitErrors).union(historySplitErrors)
                .persist(org.apache.spark.storage.StorageLevel.DISK_ONLY());

        long invalid = all.filter(o -> o.kind == USE_DIAGNOSTIC).count();
        long rows = invalid + all.filter(o -> o.kind == JUDGED).map(o -> o.count).fold(0L, Long::sum);

        // Findings, in the embedded audit's order.
        all.filter(o -> o.kind == FINDING).mapToPair(o -> new Tuple2<>(o.key, o.text)).sortByKey().values()
                .saveAsTextFile(options.out() + "/findings");
        // Bad rows only: collected to write the one diagnostics.jsonl the embedded audit writes.
        List<String> diagnostics = all.filter(o -> o.kind == USE_DIAGNOSTIC || o.kind == HISTORY_DIAGNOSTIC)
                .mapToPair(o -> new Tuple2<>(o.key, o.text)).sortByKey().values().collect();

        // The summary, from aggregates: counts by rule x region x tier, distinct members by rule.
        AuditSummary summary = new AuditSummary();
        JavaRDD<Out> findings = all.filter(o -> o.kind == FINDING);
        Map<Tuple3Key, Long> counts = findings.mapToPair(o -> new Tuple2<>(new Tuple3Key(o.rule, o.region, o.tier), 1L))
                .reduceByKey(Long::sum).collectAsMap();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(Tuple3Key::toString)))
                .forEach(e -> summary.addCount(judged.get(e.getKey().rule()), e.getKey().region(), e.getKey().tier(), e.getValue()));
        Map<String, Long> members = findings.map(o -> o.rule + "\u0000" + o.member).distinct().map(k -> k.substring(0, k.indexOf('\u0000')))
                .countByValue();
        members.forEach(summary::setDistinctMembers);
        summary.countRows(rows, rows - invalid, invalid);
        JavaRDD<Out> historyMembers = all.filter(o -> o.kind == MEMBER);
        long historyRows = historyMembers.map(o -> o.count).fold(0L, Long::sum);
        long historyMemberCount = historyMembers.count();
        long historyInvalid = all.filter(o -> o.kind == HISTORY_DIAGNOSTIC).count();
        all.unpersist();

        Map<String, Object> inputs = AuditSummary.inputs(scenarioDisplay, displays, historyDisplay, historyRows, historyMemberCount, historyInvalid);
        org.apache.hadoop.fs.Path outDir = new org.apache.hadoop.fs.Path(options.out());
        FileSystem fs = outDir.getFileSystem(sc.hadoopConfiguration());
        try (Writer w = new OutputStreamWriter(fs.create(new org.apache.hadoop.fs.Path(outDir, "summary.json"), true), StandardCharsets.UTF_8)) {
            summary.write(w, inputs);
        }
        try (Writer w = new OutputStreamWriter(fs.create(new org.apache.hadoop.fs.Path(outDir, "diagnostics.jsonl"), true), StandardCharsets.UTF_8)) {
            for (String line : diagnostics) {
                w.write(line);
                w.write('\n');
            }
        }
        return new Result(rows, invalid, summary.findings(), new AuditOutcome(summary, historyInvalid));
    }

    /** A rule, region and tier: the summary's finest count. */
    record Tuple3Key(String rule, String region, String tier) implements Serializable {
        @Override
        public String toString() {
            return rule + "\u0000" + region + "\u0000" + tier;
        }
    }

    private static String member(String cell) {
        return cell == null ? "" : cell;
    }

    /** Sorts as the embedded audit writes: history first, then record files in order; by line. */
    private static Out diagnostic(char kind, int file, String display, long line, String message) {
        String key = String.format(Locale.ROOT, "%06d%015d", file + 1, line);
        return new Out(kind, key, AuditSummary.diagnosticLine(new Diagnostic(SourceSpan.of(display, (int) line, 0), message)),
                null, null, null, null, 0);
    }

    /**
     * A history change rejected as unordered. The embedded audit finds these when the whole history is
     * read and reports them after its other bad rows, by line; "~" sorts them there (after every line
     * number of the history, before the first record file).
     */
    private static Out unordered(String display, SettingsHistory.Rejected r) {
        String key = String.format(Locale.ROOT, "000000~%015d", r.line());
        return new Out(HISTORY_DIAGNOSTIC, key, AuditSummary.diagnosticLine(new Diagnostic(SourceSpan.of(display, (int) r.line(), 0),
                r.message())), null, null, null, null, 0);
    }

    /**
     * The rows of one input with their line numbers (for Parquet, row numbers), split into cells in
     * the columns' order. A CSV header or Parquet schema that does not fit the columns is fatal.
     */
    private static JavaRDD<Row> rows(SparkSession spark, JavaSparkContext sc, String file, String display, int index,
            RowFormat.Columns columns, List<Diagnostic> fatal) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> data = spark.read().parquet(file);
            int[] map;
            try {
                map = columns.mapHeader(List.of(data.columns()));
            } catch (RowFormat.RowException e) {
                fatal.add(new Diagnostic(SourceSpan.of(display, 0, 0), "columns: " + e.getMessage()));
                return sc.emptyRDD();
            }
            int size = columns.size();
            return data.javaRDD().zipWithIndex().map(t -> {
                String[] cells = new String[size];
                for (int i = 0; i < map.length; i++) {
                    Object v = t._1().get(i);
                    cells[map[i]] = v == null ? null : v.toString();
                }
                return new Row(index, t._2() + 1, cells, null);
            });
        }
        RowFormat format = RowFormat.of(Path.of(name));
        if (format == null) {
            fatal.add(new Diagnostic(SourceSpan.of(display, 0, 0), "unknown record format; name the file *.csv, *.jsonl, *.ndjson or *.parquet"));
            return sc.emptyRDD();
        }
        JavaPairRDD<String, Long> lines = sc.textFile(file).zipWithIndex();
        if (format == RowFormat.JSON_LINES) {
            RowFormat.Splitter json = RowFormat.jsonLines(columns);
            return lines.filter(t -> !t._1().isBlank())
                    .map(t -> split(index, t._2() + 1, t._2() == 0 ? RowFormat.withoutBom(t._1()) : t._1(), json));
        }
        List<String> first = sc.textFile(file).take(1);
        if (first.isEmpty()) {
            fatal.add(new Diagnostic(SourceSpan.of(display, 1, 0), "empty file; a CSV header row is needed"));
            return sc.emptyRDD();
        }
        RowFormat.Splitter csv;
        try {
            csv = RowFormat.csv(first.get(0), columns);
        } catch (RowFormat.RowException e) {
            fatal.add(new Diagnostic(SourceSpan.of(display, 1, 0), "header: " + e.getMessage()));
            return sc.emptyRDD();
        }
        return lines.filter(t -> t._2() > 0 && !t._1().isBlank()).map(t -> split(index, t._2() + 1, t._1(), csv));
    }

    private static Row split(int file, long line, String text, RowFormat.Splitter splitter) {
        if (text.indexOf('\uFFFD') >= 0) {
            return new Row(file, line, null, "not valid UTF-8 (or a U+FFFD replacement character)");
        }
        try {
            return new Row(file, line, splitter.cells(text), null);
        } catch (RowFormat.RowException e) {
            return new Row(file, line, null, e.getMessage());
        }
    }

    /**
     * Judges one partition's members as a stream: each member's setting changes are added in file
     * order (so the per-member limit keeps the same rows) into a one-member history that orders them by instant, the member's records are joined with it and gathered into
     * chunks of {@value #CHUNK}, and each chunk is judged by this executor's engine.
     */
    private static final class Judging implements Iterator<Out> {
        private final JobSpec.Built built;
        private final String[] names;
        private final String historyName;
        private final Iterator<Tuple2<String, Tuple2<Iterable<Row>, Iterable<Row>>>> members;
        private final Deque<Out> ready = new ArrayDeque<>();
        private final List<UseRecord> chunk = new ArrayList<>(CHUNK);
        private final List<Integer> chunkFiles = new ArrayList<>(CHUNK);

        Judging(JobSpec spec, String[] names, String historyName, Iterator<Tuple2<String, Tuple2<Iterable<Row>, Iterable<Row>>>> members) {
            this.built = spec.built();
            this.names = names;
            this.historyName = historyName;
            this.members = members;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty()) {
                if (members.hasNext()) {
                    member(members.next()._2());
                    if (chunk.size() >= CHUNK) {
                        judge();
                    }
                } else if (!chunk.isEmpty()) {
                    judge();
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Out next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void member(Tuple2<Iterable<Row>, Iterable<Row>> rows) {
            List<Row> changes = new ArrayList<>();
            rows._2().forEach(changes::add);
            changes.sort(Comparator.comparingLong(r -> r.line));
            SettingsHistory.Builder builder = new SettingsHistory.Builder(built.scenario().settings(), Long.MAX_VALUE);
            for (Row change : changes) {
                try {
                    RecordInputs.change(change.cells, change.line, builder);
                } catch (RowFormat.RowException e) {
                    ready.add(diagnostic(HISTORY_DIAGNOSTIC, -1, historyName, change.line, e.getMessage()));
                }
            }
            SettingsHistory history = builder.build();
            for (SettingsHistory.Rejected r : builder.rejected()) {
                ready.add(unordered(historyName, r));
            }
            if (history.rows() > 0) {
                ready.add(new Out(MEMBER, null, null, null, null, null, null, history.rows()));
            }
            for (Row use : rows._1()) {
                try {
                    chunk.add(RecordInputs.use(use.cells, names[use.file], use.line, history));
                    chunkFiles.add(use.file);
                } catch (RowFormat.RowException e) {
                    ready.add(diagnostic(USE_DIAGNOSTIC, use.file, names[use.file], use.line, e.getMessage()));
                }
            }
        }

        private void judge() {
            ready.add(new Out(JUDGED, null, null, null, null, null, null, chunk.size()));
            java.util.IdentityHashMap<UseRecord, Integer> files = new java.util.IdentityHashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                files.put(chunk.get(i), chunkFiles.get(i));
            }
            for (RecordEngine.Flag flag : built.engine().evaluate(chunk)) {
                UseRecord r = flag.record();
                String key = String.format(Locale.ROOT, "%06d%015d", files.get(r), r.line()) + flag.rule().id() + "\u0000" + flag.against();
                ready.add(new Out(FINDING, key, AuditSummary.line(flag), flag.rule().id(), r.region(), r.tier(), r.memberId(), 0));
            }
            chunk.clear();
            chunkFiles.clear();
        }
    }
}
