package dev.covenant.cli;

import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.engine.RuleBase;
import dev.covenant.catalog.RuleCatalogWriter;
import dev.covenant.catalog.Regimes;
import dev.covenant.source.Diagnostic;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code covenant rules}: the catalog of the compiled rule pack. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = {"Lists the obligation rules of the pack, then its record rules (records/ under --rules): id, severity,",
            "title, citations with the conduct each governs, where defined.",
            "JSON and Markdown also list the fixtures in which each rule fires and is a near-miss."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the catalog was written", "2:usage error, rule diagnostics, or a problem in the pack's regimes.yaml"})
public final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RuleOptions ruleOptions;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown. Default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--fixtures", paramLabel = "DIR", defaultValue = "fixtures",
            description = "Fixtures evaluated to list each rule's firing and near-miss fixtures (json, markdown). Default: ${DEFAULT-VALUE}/")
    Path fixtures;


    @Override
    public Integer call() throws IOException {
        if (!RuleCatalogWriter.FORMATS.contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --format '" + format + "'; expected one of: text, json, markdown");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (RuleBase ruleBase = ruleOptions.load()) {
            if (!ruleBase.isUsable()) {
                for (Diagnostic d : ruleBase.diagnostics()) {
                    spec.commandLine().getErr().println(dev.covenant.report.Inert.line(d.format()));
                }
                return 2;
            }
            Regimes.Loaded regimes = Regimes.read(ruleOptions.rules);
            Set<String> unstated = regimes.regimes().unstated(ruleBase.catalog().obligations());
            if (!regimes.diagnostics().isEmpty() || (!regimes.regimes().regimes().isEmpty() && !unstated.isEmpty())) {
                regimes.diagnostics().forEach(d -> spec.commandLine().getErr().println(dev.covenant.report.Inert.line(d.format())));
                if (!unstated.isEmpty() && !regimes.regimes().regimes().isEmpty()) {
                    spec.commandLine().getErr().println(dev.covenant.report.Inert.line(ruleOptions.rules.resolve(Regimes.FILE)
                            + ": error: the pack cites law scoped to " + String.join(", ", unstated)
                            + ", which no regime names; add each with what the pack does not cover there"));
                }
                return 2;
            }
            FixtureRun run = null;
            if (!format.equals("text") && Files.isDirectory(fixtures)) {
                run = FixtureRun.of(new Evaluator(ruleBase, Limits.DEFAULT), List.of(fixtures));
            }
            if (!Files.isDirectory(ruleOptions.rules.resolve(dev.covenant.engine.RuleSources.RECORDS))) {
                RuleCatalogWriter.write(format, ruleBase.catalog(), null, run, regimes.regimes(), out);
            } else {
                try (RuleBase records = ruleOptions.loadRecords()) {
                    if (!records.isUsable()) {
                        for (Diagnostic d : records.diagnostics()) {
                            spec.commandLine().getErr().println(dev.covenant.report.Inert.line(d.format()));
                        }
                        return 2;
                    }
                    RuleCatalogWriter.write(format, ruleBase.catalog(), records.catalog(), run, regimes.regimes(), out);
                }
            }
        }
        out.flush();
        return 0;
    }
}
