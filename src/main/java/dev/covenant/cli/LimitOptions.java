package dev.covenant.cli;

import dev.covenant.engine.Limits;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The per-evaluation guards, shared by the commands that run rules ({@code check}, {@code audit}): what a
 * unit of work is differs (a scenario, a chunk of records), the limits and their bounds do not. Defaults
 * come from {@link Limits#DEFAULT} through {@link Defaults}.
 */
final class LimitOptions {

    /** A millisecond (the watchdog's resolution) to a day: beyond either end the arithmetic on it stops being exact. */
    static final double MIN_BUDGET_SECONDS = 0.001;
    static final double MAX_BUDGET_SECONDS = 86_400;

    @Option(names = "--max-firings", paramLabel = "N",
            description = "Rule firings allowed per scenario (per chunk of 1,000 records in audit) before it is stopped as an error. Default: ${DEFAULT-VALUE}")
    int maxFirings;

    @Option(names = "--time-budget", paramLabel = "SECONDS",
            description = "Seconds allowed per scenario (per chunk of 1,000 records in audit) before it is stopped as an error. Default: ${DEFAULT-VALUE}")
    double timeBudget;

    /** The limits given, or a usage error naming the option out of range. */
    Limits limits(CommandLine commandLine) {
        if (maxFirings < 1) {
            throw new CommandLine.ParameterException(commandLine, "--max-firings must be positive");
        }
        checkBudget(commandLine, "--time-budget", timeBudget);
        return new Limits(maxFirings, Duration.ofMillis(Math.round(timeBudget * 1000)));
    }

    static void checkBudget(CommandLine commandLine, String option, double seconds) {
        if (!(seconds >= MIN_BUDGET_SECONDS && seconds <= MAX_BUDGET_SECONDS)) {
            throw new CommandLine.ParameterException(commandLine, option + " " + seconds + " is out of range: from "
                    + MIN_BUDGET_SECONDS + " to " + MAX_BUDGET_SECONDS + " seconds");
        }
    }
}
