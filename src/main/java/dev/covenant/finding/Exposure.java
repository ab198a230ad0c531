package dev.covenant.finding;

/** A statutory amount at stake, in whole currency units, with how it was computed. */
public record Exposure(long amount, String currency, String basis) {

    public static Exposure usd(long amount, String basis) {
        return new Exposure(amount, "USD", basis);
    }
}
