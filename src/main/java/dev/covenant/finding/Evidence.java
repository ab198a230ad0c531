package dev.covenant.finding;

import dev.covenant.source.SourceSpan;

/**
 * A fact a finding rests on: its kind and id, where it is written, and the rule variable that bound it.
 * Its content ({@link #detail()}) is described only when a report shows it, not on every evaluation.
 */
public record Evidence(String role, String kind, String id, SourceSpan span, dev.covenant.model.Fact fact) {

    /** The fact's content in one line, or null when the evidence carries no fact. */
    public String detail() {
        return fact == null ? null : fact.describe();
    }
}
