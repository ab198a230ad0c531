package dev.covenant.cli;

import dev.covenant.engine.Limits;
import dev.covenant.engine.RuleBase;
import dev.covenant.finding.Severity;
import dev.covenant.finding.Verdict;
import dev.covenant.model.Scenario;
import dev.covenant.records.Audit;
import dev.covenant.records.AuditOutcome;
import dev.covenant.records.AuditSummary;
import dev.covenant.records.RecordEngine;
import dev.covenant.records.SettingsHistory;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code covenant audit}: judges data-use records, one by one, with the record rules. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = {"Judges a data-use log record by record: each use is held against the member's setting on the use date,",
            "the scenario's promises and statements, and the statutes in rules/records/. Writes findings.jsonl, summary.json",
            "and diagnostics.jsonl to --out. Findings are issues for counsel to review, not legal advice."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above --fail-on",
            "1:findings at or above --fail-on",
            "2:invalid input (usage, scenario, rule or row diagnostics; an unreadable file) or record rules that failed",
            "  or ran out of their limits; wins over 1"})
public final class AuditCommand implements Callable<Integer> {

    private static final int SHOWN_DIAGNOSTICS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE",
            description = "The scenario whose platform, settings (and their defaults), promises and statements give the context.")
    Path scenario;

    @Option(names = "--records", required = true, paramLabel = "PATH", arity = "1..*",
            description = "Data-use logs: *.csv (with a header) or *.jsonl files, or directories of them (read in path order).")
    List<Path> records;

    @Option(names = "--settings-history", paramLabel = "FILE",
            description = "Members' setting changes (*.csv or *.jsonl). Without it, every member has the settings' defaults.")
    Path settingsHistory;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for findings.jsonl, summary.json, diagnostics.jsonl.")
    Path out;

    /** --rules names the pack; the record rules are its records/ subdirectory. */
    @CommandLine.Mixin
    RuleOptions ruleOptions;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low",
            description = "Exit 1 when a finding is at or above this severity. Default: ${DEFAULT-VALUE}")
    String failOn;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--max-history-rows", paramLabel = "N",
            description = "Refuse a settings history longer than this (it is held in memory: 8 bytes a change, ~100 a member). Default: ${DEFAULT-VALUE}")
    long maxHistoryRows;

    @CommandLine.Mixin
    LimitOptions limitOptions;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = Severity.parse(failOn).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown --fail-on '" + failOn + "'; expected one of: " + Severity.choices()));
        if ((threads != null && threads < 1) || maxHistoryRows < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads and --max-history-rows must be positive");
        }
        Limits limits = limitOptions.limits(spec.commandLine());

        LoadResult loaded = ScenarioLoader.load(scenario, ScenarioFiles.display(scenario));
        RuleBase recordRules = ruleOptions.loadRecords();
        List<Diagnostic> fatal = new ArrayList<>(loaded.diagnostics());
        fatal.addAll(recordRules.diagnostics());
        if (recordRules.isUsable()) {
            fatal.addAll(RecordEngine.lint(recordRules));
        }
        List<Path> files = new ArrayList<>();
        for (Path p : records) {
            Audit.collectFiles(p, files, fatal);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            fatal.add(new Diagnostic(SourceSpan.of(ScenarioFiles.display(out), 0, 0), "--out must be a directory; this is a file"));
        }
        if (!fatal.isEmpty()) {
            Output.diagnostics(fatal.stream().sorted().toList(), err);
            return Verdict.EXIT_INVALID;
        }
        Scenario context = loaded.scenario();

        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw AtomicFile.OutputException.of(out, e);
        }
        // Temporary outputs of audits killed before they could commit or delete them: dead processes' only.
        int stale = AtomicFile.removeStale(out.toAbsolutePath(), java.util.Set.of("findings.jsonl", "diagnostics.jsonl", "summary.json")).size();
        if (stale > 0 && !quiet) {
            err.printf(Locale.ROOT, "covenant audit: removed %d temporary file%s left in %s by an audit that did not finish%n", stale,
                    stale == 1 ? "" : "s", ScenarioFiles.display(out));
        }
        try (AtomicFile.Handle findings = AtomicFile.open(out.resolve("findings.jsonl"));
             AtomicFile.Handle diagnostics = AtomicFile.open(out.resolve("diagnostics.jsonl"));
             AtomicFile.Handle summaryFile = AtomicFile.open(out.resolve("summary.json"))) {
            DiagnosticLog log = new DiagnosticLog(diagnostics.writer(), err);
            long started = System.nanoTime();
            SettingsHistory history;
            try {
                history = settingsHistory == null ? SettingsHistory.empty(context.settings())
                        : Audit.readHistory(settingsHistory, ScenarioFiles.display(settingsHistory), context.settings(), maxHistoryRows, log::add);
            } catch (Audit.InputException e) {
                Output.diagnostics(List.of(e.diagnostic()), err);
                return Verdict.EXIT_INVALID;
            }
            RecordEngine engine = new RecordEngine(recordRules, RecordEngine.contextOf(context),
                    limits);
            Audit.Options options = new Audit.Options(threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                    Audit.CHUNK, maxHistoryRows);
            Progress progress = new Progress(err, quiet, started);
            Writer findingsOut = findings.writer();
            AuditSummary summary;
            Diagnostic unreadable = null;
            try {
                summary = Audit.run(engine, history, files, files.stream().map(ScenarioFiles::display).toList(), options, new Audit.Sink() {
                    @Override
                    public void finding(RecordEngine.Flag flag) throws IOException {
                        findingsOut.write(AuditSummary.line(flag));
                        findingsOut.write('\n');
                        progress.findings++;
                    }

                    @Override
                    public void findings(List<RecordEngine.Flag> flags, String jsonLines) throws IOException {
                        findingsOut.write(jsonLines);
                        progress.findings += flags.size();
                    }

                    @Override
                    public void diagnostic(Diagnostic diagnostic) throws IOException {
                        log.add(diagnostic);
                    }

                    @Override
                    public void progress(long rowsRead) {
                        progress.update(rowsRead);
                    }
                });
            } catch (Audit.Stopped e) {
                // An unreadable input, or record rules that failed or ran out of their limits on a chunk.
                unreadable = e.diagnostic();
                summary = null;
            }
            log.finish();
            if (unreadable != null) {
                // Nothing is committed: a partial audit must not replace a previous complete one.
                Output.diagnostics(List.of(unreadable), err);
                return Verdict.EXIT_INVALID;
            }
            String historyDisplay = settingsHistory == null ? null : ScenarioFiles.display(settingsHistory);
            summary.write(summaryFile.writer(), AuditSummary.inputs(ScenarioFiles.display(scenario),
                    files.stream().map(ScenarioFiles::display).toList(), historyDisplay, history.rows(), history.members(),
                    log.historyRows(historyDisplay)));
            findings.commit();
            diagnostics.commit();
            summaryFile.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (!quiet) {
                err.printf(Locale.ROOT, "covenant audit: %,d records (%,d invalid), %,d findings in %.1f s (%,.0f records/s); wrote %s%n",
                        summary.rowsRead(), summary.invalidRows(), summary.findings(), seconds, summary.rowsRead() / Math.max(seconds, 1e-9),
                        ScenarioFiles.display(out));
            }
            err.flush();
            return new AuditOutcome(summary, log.historyRows(historyDisplay)).exitCode(threshold);
        }
    }

    /** Every row diagnostic goes to diagnostics.jsonl; the first few also to standard error. */
    private static final class DiagnosticLog {
        private final Writer file;
        private final PrintWriter err;
        private final Map<String, Long> perFile = new LinkedHashMap<>();
        private long count;

        DiagnosticLog(Writer file, PrintWriter err) {
            this.file = file;
            this.err = err;
        }

        void add(Diagnostic d) {
            count++;
            perFile.merge(d.where().file(), 1L, Long::sum);
            if (count <= SHOWN_DIAGNOSTICS) {
                Output.diagnostics(List.of(d), err);
            }
            try {
                file.write(AuditSummary.diagnosticLine(d) + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        long count() {
            return count;
        }

        long historyRows(String display) {
            return display == null ? 0 : perFile.getOrDefault(display, 0L);
        }

        void finish() {
            if (count > SHOWN_DIAGNOSTICS) {
                err.printf(Locale.ROOT, "... and %,d more invalid rows (all in diagnostics.jsonl)%n", count - SHOWN_DIAGNOSTICS);
            }
        }
    }

    /** A progress line on standard error every five seconds, for long runs. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean quiet;
        private final long started;
        private long last;
        long findings;

        Progress(PrintWriter err, boolean quiet, long started) {
            this.err = err;
            this.quiet = quiet;
            this.started = started;
            this.last = started;
        }

        void update(long rows) {
            long now = System.nanoTime();
            if (quiet || now - last < 5_000_000_000L) {
                return;
            }
            last = now;
            double seconds = (now - started) / 1e9;
            err.printf(Locale.ROOT, "covenant audit: %,d records read, %,d findings (%,.0f records/s)%n", rows, findings, rows / seconds);
            err.flush();
        }
    }
}
