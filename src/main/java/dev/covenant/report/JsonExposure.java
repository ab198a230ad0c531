package dev.covenant.report;

import dev.covenant.finding.Exposure;

/**
 * The one JSON shape of an amount at stake, wherever one is reported (a finding, its SARIF result, an
 * audit rule): the amount in whole units, its currency, and how it was computed. Totals are a
 * different thing and keep their own shape, {@code {"USD": amount}} per currency.
 */
public record JsonExposure(long amount, String currency, String basis) {

    /** Null for null, so that a finding without exposure writes {@code "exposure" : null}. */
    public static JsonExposure of(Exposure e) {
        return e == null ? null : new JsonExposure(e.amount(), e.currency(), e.basis());
    }
}
