package dev.covenant.engine;

import java.time.Duration;

/**
 * Guards for each session (a scenario, or a chunk of records): a looping or slow rule becomes an
 * error for that scenario or chunk, not a hung batch or audit.
 */
public record Limits(int maxFirings, Duration timeBudget) {

    public static final Limits DEFAULT = new Limits(100_000, Duration.ofSeconds(10));

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
