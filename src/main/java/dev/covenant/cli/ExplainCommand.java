package dev.covenant.cli;

import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.engine.RuleBase;
import dev.covenant.explain.ExplainWriter;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code covenant explain}: why each finding of one scenario fired, or why a rule did not. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        description = {"Explains why each finding of one scenario fired, or why a rule did not.",
            "For each finding: the rule, the facts matched with file:line, the derived facts and the rules that",
            "derived them, and the findings a chained finding rests on. With --rule, only that rule; if it did not",
            "fire, which of its conditions found nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained", "2:usage error, an unknown --rule, rule diagnostics, or an invalid scenario"})
public final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RuleOptions ruleOptions;

    @Parameters(paramLabel = "SCENARIO", description = "One scenario file.")
    Path scenario;

    @Option(names = "--rule", paramLabel = "ID", description = "Explain only this rule (also when it did not fire).")
    String rule;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluate as of this date instead of the scenario's own.")
    String asOf;

    @Override
    public Integer call() throws IOException {
        LocalDate date = null;
        if (asOf != null) {
            try {
                date = LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--as-of '" + asOf + "' is not a date (YYYY-MM-DD)");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        LoadResult loaded = ScenarioLoader.load(scenario, ScenarioFiles.display(scenario));
        if (!loaded.isValid()) {
            Output.diagnostics(loaded.diagnostics(), err);
            return 2;
        }
        try (RuleBase ruleBase = ruleOptions.load()) {
            if (!ruleBase.isUsable()) {
                Output.diagnostics(ruleBase.diagnostics(), err);
                return 2;
            }
            if (rule != null && ruleBase.catalog().obligations().stream().noneMatch(r -> r.id().equals(rule))) {
                java.util.Set<String> known = new java.util.TreeSet<>();
                ruleBase.catalog().obligations().forEach(r -> known.add(r.id()));
                err.println("covenant: --rule " + dev.covenant.report.Inert.line(rule) + ": no such rule in the pack"
                        + ScenarioLoader.suggestion(rule, known) + "; `covenant rules` lists them");
                return 2;
            }
            var facts = date == null ? loaded.scenario() : loaded.scenario().withAsOf(date);
            var trace = new Evaluator(ruleBase, Limits.DEFAULT).trace(facts);
            PrintWriter out = spec.commandLine().getOut();
            new ExplainWriter(ruleBase.catalog(), ruleBase.kieBase(), trace, out).write(rule);
            out.flush();
            return trace.result().status() == dev.covenant.finding.ScenarioResult.Status.EVALUATED ? 0 : 2;
        }
    }
}
