package dev.covenant.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that compiles the rule pack shares. */
final class RuleOptions {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Directory of *.drl rule files, searched recursively. Default: ${DEFAULT-VALUE}/")
    Path rules;

    @Option(names = {"-v", "--verbose"}, description = "Log what the engine does to standard error.")
    boolean verbose;
}
