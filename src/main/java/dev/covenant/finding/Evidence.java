package dev.covenant.finding;

import dev.covenant.source.SourceSpan;

/**
 * A fact a finding rests on: its kind and id, where it is written, and the rule variable that bound it.
 * {@code kindKey} is the kind's stable key ({@code cohort}), which identity uses; {@code kind} its
 * display label ({@code member cohort}), which reports print. Its content ({@link #detail()}) is
 * described only when a report shows it, not on every evaluation.
 */
public record Evidence(String role, String kindKey, String kind, String id, SourceSpan span, dev.covenant.model.Fact fact) {

    /** The evidence for a fact bound under {@code role}. */
    public static Evidence of(String role, dev.covenant.model.Fact fact) {
        return new Evidence(role, fact.kindKey(), fact.kind(), fact.id(), fact.span(), fact);
    }

    /** Which fact this is, independent of labels: two evidence entries with the same identity are one fact. */
    public String identity() {
        return kindKey + ":" + id;
    }

    /** The fact's content in one line, or null when the evidence carries no fact. */
    public String detail() {
        return fact == null ? null : fact.describe();
    }
}
