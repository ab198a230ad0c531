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

    /**
     * The pack for a one-shot command: precompiled from the cache when these exact rule files were
     * compiled before, else compiled now and stored in the background for the next run.
     */
    dev.covenant.engine.RuleBase load() {
        return load(rules);
    }

    /** The record-rule pack ({@code records/} under {@code --rules}), for {@code covenant audit}; cached the same way. */
    dev.covenant.engine.RuleBase loadRecords() {
        return load(rules.resolve(dev.covenant.engine.RuleSources.RECORDS));
    }

    private static dev.covenant.engine.RuleBase load(Path dir) {
        return dev.covenant.engine.PackLoader.standard().load(dir);
    }
}
