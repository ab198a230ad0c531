package dev.covenant.engine;

import java.time.Duration;

/** Per-scenario guards: a looping or slow rule becomes an error for that scenario, not a hung batch. */
public record Limits(int maxFirings, Duration timeBudget) {

    public static final Limits DEFAULT = new Limits(100_000, Duration.ofSeconds(10));

    public Limits {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be positive");
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive");
        }
    }
}
