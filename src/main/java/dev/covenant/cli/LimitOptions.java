package dev.covenant.cli;

import dev.covenant.engine.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The per-evaluation guards, shared by the commands that run rules ({@code check}, {@code audit}): what a
 * unit of work is differs (a scenario, a chunk of records), the limits and their bounds do not. Defaults
 * come from {@link Limits#DEFAULT} through {@link Defaults}.
 */
final class LimitOptions {

    @Option(names = "--max-firings", paramLabel = "N",
            description = "Rule firings allowed per scenario (per chunk of 1,000 records in audit) before it is stopped as an error. Default: ${DEFAULT-VALUE}")
    int maxFirings;

    @Option(names = "--time-budget", paramLabel = "SECONDS",
            description = "Seconds allowed per scenario (per chunk of 1,000 records in audit) before it is stopped as an error. Default: ${DEFAULT-VALUE}")
    double timeBudget;

    /** The limits given, or a usage error naming the option out of range (the bounds are {@link Limits}'). */
    Limits limits(CommandLine commandLine) {
        try {
            return Limits.of(maxFirings, timeBudget);
        } catch (Limits.OutOfRange e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    static void checkBudget(CommandLine commandLine, String option, double seconds) {
        try {
            Limits.budget(option, seconds);
        } catch (Limits.OutOfRange e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
