package dev.covenant.records;

import dev.covenant.records.RowFormat.RowException;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The embedded audit: streams data-use records from CSV or JSON Lines through the record rules on
 * all cores. One thread reads lines into chunks; workers parse, join each row with the member's
 * settings on its use date, and evaluate; results are handed on in input order, so output is
 * deterministic. At most {@code 4 × threads} chunks are in flight: memory does not grow with the
 * number of records (only the settings history and the distinct members in the summary are held).
 */
public final class Audit {

    /**
     * Records judged per rule session, in the embedded audit and on Spark alike: the unit the limits
     * (--max-firings, --time-budget) guard and that diagnostics name ("record rules on lines 2-1001").
     */
    public static final int CHUNK = 1_000;

    /** How an audit runs. */
    public record Options(int threads, int chunkSize, long maxHistoryRows) {
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), CHUNK, SettingsHistory.DEFAULT_MAX_ROWS);
        }
    }

    /** Where results go, in input order. Called from one thread. */
    public interface Sink {
        void finding(RecordEngine.Flag flag) throws IOException;

        /**
         * A chunk's findings at once, with each as its JSON line (formatted on the worker, so the one
         * thread that writes does not also format). By default, one {@link #finding} call each.
         */
        default void findings(List<RecordEngine.Flag> flags, String jsonLines) throws IOException {
            for (RecordEngine.Flag flag : flags) {
                finding(flag);
            }
        }

        void diagnostic(Diagnostic diagnostic) throws IOException;

        /** After each chunk: rows read so far (for progress). */
        default void progress(long rowsRead) {
        }
    }

    /** Why an audit stopped before its end; nothing it wrote should be committed. */
    public abstract static class Stopped extends Exception {
        private final Diagnostic diagnostic;

        Stopped(Diagnostic diagnostic) {
            super(diagnostic.toString());
            this.diagnostic = diagnostic;
        }

        public Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    /** Thrown for an input that cannot be read at all (not a bad row): the audit stops. */
    public static final class InputException extends Stopped {
        public InputException(Diagnostic diagnostic) {
            super(diagnostic);
        }
    }

    /**
     * Thrown when the record rules do not complete on a chunk: a rule threw, looped, ran past the
     * time budget, or ignored the halt past {@link dev.covenant.engine.Limits#outerWait()}. The
     * diagnostic names the chunk's lines and the rule. The audit stops: the same rules would fail
     * on every chunk, each after the whole budget.
     */
    public static final class EvaluationException extends Stopped {
        public EvaluationException(Diagnostic diagnostic) {
            super(diagnostic);
        }
    }

    private Audit() {
    }

    /**
     * Adds {@code path} (a record file, or a directory searched for them in path order, following symbolic
     * links as {@code check} does, loops and unreadable directories reported) to {@code files}.
     */
    public static void collectFiles(Path path, List<Path> files, List<Diagnostic> problems) throws IOException {
        String display = dev.covenant.scenario.ScenarioFiles.display(path);
        if (Files.isDirectory(path)) {
            dev.covenant.scenario.ScenarioFiles.walk(List.of(path), p -> RowFormat.of(p) != null,
                    "*.csv or *.jsonl record files", problems::add).forEachRemaining(found -> files.add(found.path()));
        } else if (!Files.exists(path)) {
            problems.add(new Diagnostic(SourceSpan.of(display, 0, 0), "no such file or directory"));
        } else if (RowFormat.of(path) == null) {
            problems.add(new Diagnostic(SourceSpan.of(display, 0, 0), "unknown record format; name the file *.csv, *.jsonl or *.ndjson"));
        } else {
            files.add(path);
        }
    }

    /**
     * Reads a settings history file; bad rows go to {@code bad} (rows read in file order, then the
     * changes rejected as unordered, by line), an unusable file or one over the limit throws.
     */
    public static SettingsHistory readHistory(Path file, String display, List<dev.covenant.model.Setting> settings, long maxRows,
            Consumer<Diagnostic> bad) throws InputException {
        SettingsHistory.Builder builder = new SettingsHistory.Builder(settings, maxRows);
        try (Lines lines = Lines.open(file, display, RecordInputs.SETTINGS)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    if (!RecordInputs.change(lines.cells(line), lines.number(), builder)) {
                        throw new InputException(new Diagnostic(SourceSpan.of(display, (int) lines.number(), 0),
                                "settings history has more than " + maxRows + " rows; raise --max-history-rows"
                                        + " (each change holds 8 bytes in memory, each member about 100)"));
                    }
                } catch (RowException e) {
                    bad.accept(new Diagnostic(SourceSpan.of(display, (int) lines.number(), 0), e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new InputException(new Diagnostic(SourceSpan.of(display, 0, 0), "cannot read: " + describe(e)));
        }
        SettingsHistory history = builder.build();
        // Changes whose order is unknown show only when the history is complete: after the other bad rows, by line.
        for (SettingsHistory.Rejected r : builder.rejected()) {
            bad.accept(new Diagnostic(SourceSpan.of(display, (int) r.line(), 0), r.message()));
        }
        return history;
    }

    /** Streams every record file through the engine into {@code sink}; returns the totals. */
    public static AuditSummary run(RecordEngine engine, SettingsHistory history, List<Path> files, List<String> displays,
            Options options, Sink sink) throws InputException, EvaluationException, IOException {
        AuditSummary summary = new AuditSummary();
        int threads = Math.max(1, options.threads());
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "covenant-audit-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Pending> window = new ArrayDeque<>();
        long wait = engine.limits().outerWait().toMillis();
        long[] read = {0};
        try {
            for (int i = 0; i < files.size(); i++) {
                String display = displays.get(i);
                try (Lines lines = Lines.open(files.get(i), display, RecordInputs.USES)) {
                    List<String> text = new ArrayList<>(options.chunkSize());
                    long first = 0;
                    String line;
                    while ((line = lines.next()) != null) {
                        if (text.isEmpty()) {
                            first = lines.number();
                        }
                        text.add(line);
                        if (text.size() == options.chunkSize()) {
                            submit(pool, window, engine, history, lines, text, first);
                            text = new ArrayList<>(options.chunkSize());
                            while (window.size() >= threads * 4) {
                                drain(window.poll(), wait, summary, sink, read);
                            }
                        }
                    }
                    if (!text.isEmpty()) {
                        submit(pool, window, engine, history, lines, text, first);
                    }
                } catch (IOException e) {
                    // What was read before the failure is still judged and reported.
                    while (!window.isEmpty()) {
                        drain(window.poll(), wait, summary, sink, read);
                    }
                    throw new InputException(new Diagnostic(SourceSpan.of(display, 0, 0), "cannot read: " + describe(e)));
                }
            }
            while (!window.isEmpty()) {
                drain(window.poll(), wait, summary, sink, read);
            }
        } finally {
            pool.shutdownNow();
        }
        return summary;
    }

    private record Chunk(List<RecordEngine.Flag> flags, String lines, List<Diagnostic> diagnostics, int rows, int valid) {
    }

    /** A chunk on its way: where its lines are (for a diagnostic if it fails), and its result. */
    private record Pending(String display, long first, int lines, Future<Chunk> result) {
        String where() {
            return lines == 1 ? "line " + first : "lines " + first + "-" + (first + lines - 1);
        }
    }

    private static void submit(ExecutorService pool, Deque<Pending> window, RecordEngine engine, SettingsHistory history,
            Lines lines, List<String> text, long first) {
        RowFormat.Splitter splitter = lines.splitter();
        String display = lines.display();
        window.add(new Pending(display, first, text.size(), pool.submit(() -> {
            List<UseRecord> records = new ArrayList<>(text.size());
            List<Diagnostic> diagnostics = new ArrayList<>();
            int rows = 0;
            for (int k = 0; k < text.size(); k++) {
                String line = text.get(k);
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                long number = first + k;
                try {
                    records.add(RecordInputs.use(splitter.cells(line), display, number, history));
                } catch (RowException e) {
                    diagnostics.add(new Diagnostic(SourceSpan.of(display, (int) number, 0), e.getMessage()));
                }
            }
            List<RecordEngine.Flag> flags = engine.evaluate(records);
            StringBuilder json = new StringBuilder(flags.size() * 320);
            for (RecordEngine.Flag flag : flags) {
                json.append(AuditSummary.line(flag)).append('\n');
            }
            return new Chunk(flags, json.toString(), diagnostics, rows, records.size());
        })));
    }

    /**
     * Hands on a chunk's results, waiting at most {@code waitMillis}: the engine's watchdog ends a
     * run at the budget, so only a consequence that survives both the halt and the stop is waited
     * out, and then abandoned (its thread is a daemon and is interrupted).
     */
    private static void drain(Pending pending, long waitMillis, AuditSummary summary, Sink sink, long[] read)
            throws IOException, EvaluationException {
        Chunk chunk;
        try {
            chunk = pending.result().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (TimeoutException e) {
            pending.result().cancel(true);
            throw failed(pending, "evaluation did not finish within " + waitMillis + " ms and ignored the halt; a rule consequence may loop");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw failed(pending, cause instanceof RecordEngine.EvaluationException ? cause.getMessage() : "internal error: " + cause);
        }
        for (Diagnostic d : chunk.diagnostics()) {
            sink.diagnostic(d);
        }
        for (RecordEngine.Flag flag : chunk.flags()) {
            summary.add(flag);
        }
        sink.findings(chunk.flags(), chunk.lines());
        summary.countRows(chunk.rows(), chunk.valid(), chunk.rows() - chunk.valid());
        read[0] += chunk.rows();
        sink.progress(read[0]);
    }

    private static EvaluationException failed(Pending pending, String why) {
        return new EvaluationException(new Diagnostic(SourceSpan.of(pending.display(), (int) pending.first(), 0),
                "record rules on " + pending.where() + ": " + why));
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The lines of one input file with their numbers, and how each line splits into cells. */
    static final class Lines implements AutoCloseable {
        private final BufferedReader reader;
        private final String display;
        private final RowFormat.Splitter splitter;
        private long number;

        private Lines(BufferedReader reader, String display, RowFormat.Splitter splitter, long number) {
            this.reader = reader;
            this.display = display;
            this.splitter = splitter;
            this.number = number;
        }

        static Lines open(Path file, String display, RowFormat.Columns columns) throws IOException, InputException {
            RowFormat format = RowFormat.of(file);
            if (format == null) {
                throw new InputException(new Diagnostic(SourceSpan.of(display, 0, 0),
                        "unknown record format; name the file *.csv, *.jsonl or *.ndjson"));
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            if (format == RowFormat.JSON_LINES) {
                return new Lines(reader, display, RowFormat.jsonLines(columns), 0);
            }
            String header = reader.readLine();
            if (header == null) {
                reader.close();
                throw new InputException(new Diagnostic(SourceSpan.of(display, 1, 0), "empty file; a CSV header row is needed"));
            }
            try {
                return new Lines(reader, display, RowFormat.csv(header, columns), 1);
            } catch (RowException e) {
                reader.close();
                throw new InputException(new Diagnostic(SourceSpan.of(display, 1, 0), "header: " + e.getMessage()));
            }
        }

        /** The next line; a byte order mark at the start of the file is dropped (CSV's goes with the header). */
        String next() throws IOException {
            String line = reader.readLine();
            if (line != null && ++number == 1) {
                line = RowFormat.withoutBom(line);
            }
            return line;
        }

        long number() {
            return number;
        }

        String display() {
            return display;
        }

        RowFormat.Splitter splitter() {
            return splitter;
        }

        String[] cells(String line) throws RowException {
            return splitter.cells(line);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
