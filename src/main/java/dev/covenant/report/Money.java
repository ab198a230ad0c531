package dev.covenant.report;

import dev.covenant.finding.Exposure;
import java.util.Locale;

/** How every human-readable format writes an amount: {@code USD 6,000,000} (currency, then grouped whole units). */
public final class Money {

    private Money() {
    }

    public static String format(long amount, String currency) {
        return String.format(Locale.ROOT, "%s %,d", currency, amount);
    }

    public static String usd(long amount) {
        return format(amount, "USD");
    }

    public static String format(Exposure exposure) {
        return format(exposure.amount(), exposure.currency());
    }
}
