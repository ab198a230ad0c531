package dev.covenant.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code covenant new}: writes the starting files of a rule or a scenario, to be edited. */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        description = {"Writes the starting files of a rule (with a firing and a near-miss fixture) or of a scenario.",
            "What it writes passes `covenant validate` and `covenant test` as written; its TODOs are yours to replace."},
        subcommands = {NewRuleCommand.class, NewScenarioCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the files were written", "2:invalid input (usage, an unknown family, a bad or used id, a file that exists)"})
public final class NewCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing what to write: 'covenant new rule ID --family FAMILY'"
                + " or 'covenant new scenario [PATH]'");
    }
}
