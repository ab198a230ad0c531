package dev.covenant.records;

import dev.covenant.finding.Severity;
import dev.covenant.finding.Verdict;

/**
 * What an audit that ran to the end concluded, embedded or on Spark: both build it from their
 * summary and their count of bad settings-history rows, so one data set exits alike on both.
 * Every bad row counts, in the log or in the history: a row dropped from either could hide a finding.
 */
public record AuditOutcome(AuditSummary summary, long invalidHistoryRows) implements Verdict {

    @Override
    public boolean inconclusive() {
        return summary.invalidRows() > 0 || invalidHistoryRows > 0;
    }

    /** Some rule at or above {@code failOn} found something. */
    @Override
    public boolean fails(Severity failOn) {
        return summary.anyAtLeast(failOn);
    }
}
