package dev.covenant.cli;

import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.engine.RuleBase;
import dev.covenant.finding.Severity;
import dev.covenant.finding.Verdict;
import dev.covenant.report.Formats;
import dev.covenant.verify.report.TestRenderer;
import dev.covenant.verify.Coverage;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code covenant test}: runs fixtures against their {@code expect:} blocks. */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        description = {"Runs fixtures against their expect: blocks (PASS, FAIL, ERROR or SKIP for each).",
            "Differences are spelled out with evidence; --coverage reports which rules the fixtures exercise."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every fixture passed (and coverage is at least --coverage-min)",
            "1:a fixture failed, or coverage is below --coverage-min",
            "2:invalid input: usage, rule diagnostics, an invalid fixture or an evaluation error"})
public final class TestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RuleOptions ruleOptions;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Fixture files or directories. Default: fixtures/")
    List<Path> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or junit (JUnit XML for CI servers). Default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the results to FILE (atomically).")
    Path output;

    @Option(names = "--run", paramLabel = "REGEX", description = "Only fixtures whose scenario id or path contains a match.")
    String run;

    @Option(names = "--coverage", description = "Report, per rule, the fixtures where it fires and its near-misses.")
    boolean coverage;

    @Option(names = "--coverage-min", paramLabel = "PERCENT",
            description = "Exit 1 when fewer than PERCENT of the rules are fully covered (implies --coverage).")
    Double coverageMin;

    @Option(names = "--watch", description = "Run again whenever a rule or fixture file changes (Ctrl-C to stop).")
    boolean watch;

    @Override
    public Integer call() throws IOException {
        TestRenderer renderer = dev.covenant.verify.report.TestFormats.renderer(format).orElseThrow(() -> usage("unknown --format '" + format
                + "'; expected one of: " + String.join(", ", dev.covenant.verify.report.TestFormats.names())));
        Pattern select = compile(run);
        if (coverageMin != null && (coverageMin < 0 || coverageMin > 100)) {
            throw usage("--coverage-min must be between 0 and 100");
        }
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of("fixtures")) : paths;
        if (watch) {
            return new Watch(ruleOptions.rules, roots, spec.commandLine().getErr())
                    .run(ruleBase -> runOnce(ruleBase, roots, select, renderer));
        }
        try (RuleBase ruleBase = ruleOptions.load()) {
            if (!ruleBase.isUsable()) {
                Output.diagnostics(ruleBase.diagnostics(), spec.commandLine().getErr());
                return Verdict.EXIT_INVALID;
            }
            return runOnce(ruleBase, roots, select, renderer);
        }
    }

    private int runOnce(RuleBase ruleBase, List<Path> roots, Pattern select, TestRenderer renderer) throws IOException {
        FixtureRun result = FixtureRun.of(new Evaluator(ruleBase, Limits.DEFAULT), roots, select);
        boolean withCoverage = coverage || coverageMin != null;
        Coverage cov = withCoverage ? result.coverage(ruleBase.catalog()) : null;
        Output.write(output, spec.commandLine().getOut(), w -> renderer.render(result, cov, w));
        if (output != null && !result.diagnostics().isEmpty()) {
            Output.diagnostics(result.diagnostics(), spec.commandLine().getErr());
        }
        FixtureRun.Tested verdict = result.withCoverage(cov, coverageMin);
        if (!verdict.inconclusive() && verdict.belowMin()) {
            spec.commandLine().getErr().printf("covenant: rule coverage %.1f%% is below --coverage-min %.1f%%%n", cov.percent(), coverageMin);
        }
        // Fixtures have no severity threshold: any failed fixture fails the run.
        return verdict.exitCode(Severity.INFO);
    }

    private Pattern compile(String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw usage("--run '" + regex + "' is not a regular expression: " + e.getDescription());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
