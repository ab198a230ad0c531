package dev.covenant.cli;

import dev.covenant.engine.Batch;
import dev.covenant.engine.RuleBase;
import dev.covenant.finding.Report;
import dev.covenant.finding.Severity;
import dev.covenant.report.Formats;
import dev.covenant.report.Renderer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code covenant check}: evaluates scenarios against the rule pack and reports findings. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Evaluates scenario files against the rules and reports findings with citations and evidence.",
            "Findings are issues for counsel to review, not legal advice."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above --fail-on",
            "1:findings at or above --fail-on",
            "2:invalid input (usage, scenario or rule diagnostics) or an evaluation error; wins over 1"})
public final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Scenario files or directories (searched recursively for *.yaml, *.yml). Default: fixtures/")
    List<Path> paths;

    @CommandLine.Mixin
    RuleOptions ruleOptions;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT[=FILE][,...]", defaultValue = "text",
            description = {"Output formats: text, json, sarif, markdown, html, junit. Several at once, comma-separated, each",
                "with =FILE to write it to a file: --format text,sarif=out.sarif,html=report.html. A format without",
                "=FILE goes to standard output (or --output). Default: ${DEFAULT-VALUE}"})
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the format given without =FILE to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--link-base", paramLabel = "URL",
            description = {"Markdown evidence links under this URL, e.g. https://github.com/ORG/REPO/blob/COMMIT/ (a",
                "pull-request comment resolves relative links against the page, not the repository)."})
    String linkBase;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low",
            description = "Exit 1 when a finding is at or above this severity: critical, high, medium, low, info. Default: ${DEFAULT-VALUE}")
    String failOn;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Evaluate every scenario as of this date (YYYY-MM-DD) instead of its own as_of.")
    String asOf;

    @Option(names = "--threads", paramLabel = "N", description = "Scenarios evaluated in parallel. Default: the number of cores.")
    Integer threads;

    @CommandLine.Mixin
    LimitOptions limitOptions;

    @Option(names = "--watch", description = "Run again whenever a rule or scenario file changes (Ctrl-C to stop).")
    boolean watch;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "Accepted risks (YAML): waived findings are reported as waived and do not count toward --fail-on.")
    Path waivers;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A previous JSON report: findings are marked new or unchanged, --fail-on counts only new ones, and fixed ones are listed.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Also write this run's JSON report to FILE, as a baseline for later runs.")
    Path writeBaseline;

    @Override
    public Integer call() throws IOException {
        List<Target> targets = targets();
        Severity threshold = Severity.parse(failOn).orElseThrow(() -> usage("unknown --fail-on '" + failOn
                + "'; expected one of: " + Severity.choices()));
        LocalDate date = parseAsOf();
        if (threads != null && threads < 1) {
            throw usage("--threads must be positive");
        }
        Batch.Options options = new Batch.Options(date,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, limitOptions.limits(spec.commandLine()));
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of("fixtures")) : paths;

        if (watch) {
            return new Watch(ruleOptions.rules, roots, spec.commandLine().getErr())
                    .run(ruleBase -> runOnce(ruleBase, roots, options, targets, threshold));
        }
        try (RuleBase ruleBase = ruleOptions.load()) {
            return runOnce(ruleBase, roots, options, targets, threshold);
        }
    }

    /** One output: a renderer and where it goes (null: standard output). */
    private record Target(String format, Renderer renderer, Path file) {
    }

    /** Parses {@code --format text,sarif=out.sarif,...}; at most one format may go to standard output. */
    private List<Target> targets() {
        if (linkBase != null && dev.covenant.report.MarkdownRenderer.checkLinkBase(linkBase) != null) {
            throw usage(dev.covenant.report.MarkdownRenderer.checkLinkBase(linkBase));
        }
        List<Target> targets = new java.util.ArrayList<>();
        java.util.Set<Path> files = new java.util.HashSet<>();
        int toStdout = 0;
        for (String entry : format.split(",")) {
            String spec = entry.strip();
            if (spec.isEmpty()) {
                continue;
            }
            int eq = spec.indexOf('=');
            String name = eq < 0 ? spec : spec.substring(0, eq).strip();
            Renderer renderer = Formats.renderer(name).orElseThrow(() -> usage("unknown format '" + name
                    + "' in --format; expected one of: " + String.join(", ", Formats.names())));
            if (linkBase != null && renderer instanceof dev.covenant.report.MarkdownRenderer) {
                renderer = new dev.covenant.report.MarkdownRenderer(linkBase);
            }
            Path file = eq < 0 ? output : Path.of(spec.substring(eq + 1).strip());
            if (eq >= 0 && spec.substring(eq + 1).isBlank()) {
                throw usage("--format " + name + "= needs a file name after '='");
            }
            if (eq < 0 && ++toStdout > 1) {
                throw usage("only one format can go to standard output (or --output); give the others =FILE");
            }
            if (file != null && !files.add(file.toAbsolutePath().normalize())) {
                throw usage("two outputs would write " + file);
            }
            targets.add(new Target(name, renderer, file));
        }
        if (targets.isEmpty()) {
            throw usage("--format names no format");
        }
        if (output != null && toStdout == 0) {
            throw usage("--output applies to a format given without =FILE, and every format has its own file");
        }
        return targets;
    }

    private int runOnce(RuleBase ruleBase, List<Path> roots, Batch.Options options, List<Target> targets, Severity threshold)
            throws IOException {
        dev.covenant.review.ReviewPolicy policy = review();
        if (targets.stream().allMatch(t -> t.renderer() instanceof dev.covenant.report.StreamingRenderer)) {
            return stream(ruleBase, roots, options, targets, threshold, policy);
        }
        Report report = policy.apply(Batch.run(ruleBase, roots, options));
        for (Target target : targets) {
            Output.write(target.file(), spec.commandLine().getOut(), w -> target.renderer().render(report, w));
        }
        if (writeBaseline != null) {
            AtomicFile.write(writeBaseline, w -> new dev.covenant.report.JsonRenderer().render(report, w));
        }
        echoDiagnostics(targets, report.ruleDiagnostics(), report.inputDiagnostics());
        return report.exitCode(threshold);
    }

    /**
     * Text and JSON are written as scenarios finish, to every output at once; files appear (atomically)
     * only when the run completes. Memory does not grow with the number of scenarios.
     */
    private int stream(RuleBase ruleBase, List<Path> roots, Batch.Options options, List<Target> targets, Severity threshold,
            dev.covenant.review.ReviewPolicy policy) throws IOException {
        List<Target> all = new java.util.ArrayList<>(targets);
        if (writeBaseline != null) {
            all.add(new Target("json", new dev.covenant.report.JsonRenderer(), writeBaseline));
        }
        List<AtomicFile.Handle> handles = new java.util.ArrayList<>();
        try {
            List<java.io.Writer> writers = new java.util.ArrayList<>();
            for (Target target : all) {
                if (target.file() == null) {
                    writers.add(spec.commandLine().getOut());
                } else {
                    AtomicFile.Handle handle = AtomicFile.open(target.file());
                    handles.add(handle);
                    writers.add(handle.writer());
                }
            }
            List<dev.covenant.source.Diagnostic> ruleProblems = ruleBase.isUsable() ? List.of() : ruleBase.diagnostics();
            List<dev.covenant.finding.RuleDescriptor> rules = ruleBase.isUsable() ? ruleBase.catalog().obligations() : List.of();
            for (int i = 0; i < all.size(); i++) {
                ((dev.covenant.report.StreamingRenderer) all.get(i).renderer()).begin(rules, ruleProblems, writers.get(i));
            }
            dev.covenant.finding.Tally tally = new dev.covenant.finding.Tally();
            dev.covenant.review.ReviewPolicy.Run run = policy.start();
            List<dev.covenant.source.Diagnostic> inputs = new java.util.ArrayList<>();
            if (ruleBase.isUsable()) {
                inputs.addAll(Batch.stream(ruleBase, roots, options, result -> {
                    dev.covenant.finding.ScenarioResult reviewed = run.apply(result);
                    tally.add(reviewed);
                    for (int i = 0; i < all.size(); i++) {
                        try {
                            ((dev.covenant.report.StreamingRenderer) all.get(i).renderer()).scenario(reviewed, writers.get(i));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }));
                inputs.addAll(policy.diagnostics());
            }
            dev.covenant.finding.ReviewNotes notes = ruleBase.isUsable() ? run.notes() : null;
            Report.Summary summary = tally.summary(ruleProblems.size() + inputs.size(), notes == null ? 0 : notes.fixed().size());
            for (int i = 0; i < all.size(); i++) {
                ((dev.covenant.report.StreamingRenderer) all.get(i).renderer()).end(summary, inputs, notes, writers.get(i));
            }
            for (AtomicFile.Handle handle : handles) {
                handle.commit();
            }
            echoDiagnostics(targets, ruleProblems, inputs);
            return tally.exitCode(threshold, !ruleProblems.isEmpty() || !inputs.isEmpty());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            handles.forEach(AtomicFile.Handle::close);
        }
    }

    /** When every output goes to a file, diagnostics also go to the terminal, so a failing CI log says why. */
    private void echoDiagnostics(List<Target> targets, List<dev.covenant.source.Diagnostic> rules,
            List<dev.covenant.source.Diagnostic> inputs) {
        if (targets.stream().allMatch(t -> t.file() != null)) {
            Output.diagnostics(rules, spec.commandLine().getErr());
            Output.diagnostics(inputs, spec.commandLine().getErr());
        }
    }

    /** Waivers and baseline, read fresh for every run (so --watch picks up edits to them too). */
    private dev.covenant.review.ReviewPolicy review() {
        List<dev.covenant.finding.Waiver> accepted = List.of();
        List<dev.covenant.source.Diagnostic> problems = new java.util.ArrayList<>();
        if (waivers != null) {
            var loaded = dev.covenant.scenario.WaiverLoader.load(waivers);
            accepted = loaded.waivers();
            problems.addAll(loaded.diagnostics());
        }
        dev.covenant.review.Baseline previous = null;
        if (baseline != null) {
            var loaded = dev.covenant.review.Baseline.load(baseline);
            previous = loaded.baseline();
            problems.addAll(loaded.diagnostics());
        }
        return new dev.covenant.review.ReviewPolicy(accepted, previous, problems, LocalDate.now());
    }

    private LocalDate parseAsOf() {
        if (asOf == null) {
            return null;
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw usage("--as-of '" + asOf + "' is not a date (YYYY-MM-DD)");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
