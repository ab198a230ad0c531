package dev.covenant.finding;

import java.util.List;

/**
 * What applying waivers and a baseline noticed beyond the findings: waivers that expired, waivers that
 * match nothing (stale), and baseline findings that are gone (fixed). Null on a report without either.
 */
public record ReviewNotes(List<Waiver> expired, List<Waiver> stale, List<FixedFinding> fixed, boolean baselineUsed) {

    public ReviewNotes {
        expired = List.copyOf(expired);
        stale = List.copyOf(stale);
        fixed = List.copyOf(fixed);
    }

    /** A finding of the baseline that this run no longer produces. */
    public record FixedFinding(String fingerprint, String ruleId, String scenario, String message) {
    }
}
