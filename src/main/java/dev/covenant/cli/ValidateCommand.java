package dev.covenant.cli;

import dev.covenant.engine.RuleBase;
import dev.covenant.finding.Severity;
import dev.covenant.finding.Verdict;
import dev.covenant.report.JsonDiagnostic;
import dev.covenant.report.JsonRenderer;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import dev.covenant.source.Diagnostic;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code covenant validate}: compiles the rules and loads the scenarios, evaluating nothing. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Compiles the rules and loads the scenarios, without evaluating, and prints every problem.",
            "Each is file:line:column: error: message — compile errors, rule metadata, scenario format, and",
            "expect: blocks that name rules the pack does not have. Warnings (file:line:column: warning: message)",
            "are printed too and do not change the exit code."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rules and scenarios are valid (warnings may have been printed)", "2:a problem was found (or a usage error)"})
public final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RuleOptions ruleOptions;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Scenario files or directories. Default: fixtures/")
    List<Path> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --format '" + format + "'; expected one of: text, json");
        }
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of("fixtures")) : paths;
        List<Diagnostic> problems = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        int ruleFiles;
        int scenarios;
        // From the cache when these exact files compiled cleanly before; the metadata checks below and
        // in RuleBase.load run on a cached pack all the same.
        try (RuleBase ruleBase = ruleOptions.load()) {
            problems.addAll(ruleBase.diagnostics());
            ruleFiles = ruleBase.sources() == null ? 0 : ruleBase.sources().files().size();
            ScenarioFiles.Listing listing = ScenarioFiles.find(roots);
            problems.addAll(listing.diagnostics());
            scenarios = listing.files().size();
            dev.covenant.scenario.ScenarioIds ids = new dev.covenant.scenario.ScenarioIds();
            for (ScenarioFiles.Found file : listing.files()) {
                LoadResult loaded = ScenarioLoader.load(file.path(), file.display());
                problems.addAll(loaded.diagnostics());
                String first = loaded.isValid() ? ids.claim(loaded.scenario().id(), file.display()) : null;
                if (first != null) {
                    problems.add(dev.covenant.scenario.ScenarioIds.duplicate(loaded.scenario(), first));
                }
                warnings.addAll(loaded.warnings());
                if (loaded.isValid() && ruleBase.isUsable()) {
                    problems.addAll(FixtureRun.unknownRuleIds(loaded.expect(), ruleBase.catalog()));
                    warnings.addAll(dev.covenant.engine.RegionCoverage.warnings(loaded.scenario(), ruleBase.catalog()));
                }
            }
        }
        // The record rules (covenant audit) are a pack of their own under records/; check them too.
        Path records = ruleOptions.rules.resolve(dev.covenant.engine.RuleSources.RECORDS);
        if (java.nio.file.Files.isDirectory(records)) {
            try (RuleBase recordRules = ruleOptions.loadRecords()) {
                problems.addAll(recordRules.diagnostics());
                if (recordRules.isUsable()) {
                    problems.addAll(dev.covenant.records.RecordEngine.lint(recordRules));
                }
                ruleFiles += recordRules.sources() == null ? 0 : recordRules.sources().files().size();
            }
        }
        List<Diagnostic> sorted = problems.stream().sorted().toList();
        List<Diagnostic> sortedWarnings = warnings.stream().sorted().toList();
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            json(sorted, sortedWarnings, ruleFiles, scenarios, out);
        } else {
            // Errors and warnings in one file order, so each sits with its neighbours.
            java.util.stream.Stream.concat(sorted.stream(), sortedWarnings.stream()).sorted()
                    .forEach(d -> out.println(dev.covenant.report.Inert.line(d.format())));
            out.printf("%d rule file(s), %d scenario file(s): %s%s%n", ruleFiles, scenarios,
                    sorted.isEmpty() ? "valid" : sorted.size() + " problem(s)",
                    sortedWarnings.isEmpty() ? "" : ", " + sortedWarnings.size() + " warning(s)");
        }
        out.flush();
        // Warnings are shown, never counted against the input.
        return new Validation(sorted).exitCode(Severity.INFO);
    }

    /** What validation concluded: its problems make it inconclusive; it evaluates nothing, so it never fails. */
    record Validation(List<Diagnostic> problems) implements Verdict {
        @Override
        public boolean inconclusive() {
            return !problems.isEmpty();
        }

        @Override
        public boolean fails(Severity failOn) {
            return false;
        }
    }

    private static void json(List<Diagnostic> problems, List<Diagnostic> warnings, int ruleFiles, int scenarios, PrintWriter out)
            throws IOException {
        dev.covenant.report.Json.pretty(new ValidationJson(JsonRenderer.SCHEMA_VERSION, problems.isEmpty(), ruleFiles, scenarios,
                JsonDiagnostic.all(problems), JsonDiagnostic.all(warnings)), out);
    }

    /** {@code validate --format json}. */
    record ValidationJson(String schemaVersion, boolean valid, int ruleFiles, int scenarioFiles, List<JsonDiagnostic> diagnostics,
            List<JsonDiagnostic> warnings) {
    }
}
