package dev.covenant.engine;

import java.time.Duration;

/**
 * Guards for each session (a scenario, or a chunk of records): a looping or slow rule becomes an
 * error for that scenario or chunk, not a hung batch or audit.
 */
public record Limits(int maxFirings, Duration timeBudget) {

    public static final Limits DEFAULT = new Limits(100_000, Duration.ofSeconds(10));

    /** A millisecond (the watchdog's resolution) to a day: beyond either end the arithmetic on a budget stops being exact. */
    public static final double MIN_BUDGET_SECONDS = 0.001;
    public static final double MAX_BUDGET_SECONDS = 86_400;

    /** A problem with a limit as a user wrote it, worded for any command line that takes one. */
    public static final class OutOfRange extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        OutOfRange(String message) {
            super(message);
        }
    }

    /** A budget in seconds as written on a command line ({@code option} names it), or why it cannot be one. */
    public static Duration budget(String option, double seconds) {
        if (!(seconds >= MIN_BUDGET_SECONDS && seconds <= MAX_BUDGET_SECONDS)) {
            throw new OutOfRange(option + " " + seconds + " is out of range: from " + MIN_BUDGET_SECONDS + " to "
                    + MAX_BUDGET_SECONDS + " seconds");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** The limits as written with {@code --max-firings} and {@code --time-budget}, or why they cannot be. */
    public static Limits of(long maxFirings, double timeBudgetSeconds) {
        if (maxFirings < 1 || maxFirings > Integer.MAX_VALUE) {
            throw new OutOfRange("--max-firings must be a positive number up to " + Integer.MAX_VALUE);
        }
        return new Limits((int) maxFirings, budget("--time-budget", timeBudgetSeconds));
    }

    /**
     * How long a caller waits for one guarded run before abandoning it. The watchdog halts a run at
     * the budget and stops one that ignores the halt a second later; this outer wait only catches
     * code that survives both (an endless loop in a consequence where {@code Thread.stop} is gone).
     */
    public java.time.Duration outerWait() {
        return timeBudget.multipliedBy(3).plusSeconds(5);
    }

    public Limits {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be positive");
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive");
        }
    }
}
