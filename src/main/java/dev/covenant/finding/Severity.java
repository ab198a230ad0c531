package dev.covenant.finding;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; declaration order is the order of seriousness, most serious first. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is {@code threshold} or more serious. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.key().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static String choices() {
        return "critical | high | medium | low | info";
    }
}
