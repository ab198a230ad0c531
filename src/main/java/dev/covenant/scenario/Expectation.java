package dev.covenant.scenario;

import dev.covenant.source.SourceSpan;
import java.util.List;

/** A fixture's {@code expect:} block: the exact set of rule ids it must produce, and near-misses. */
public record Expectation(List<String> findings, List<String> absent, SourceSpan span,
        java.util.Map<String, SourceSpan> written) {

    public Expectation {
        findings = List.copyOf(findings);
        absent = List.copyOf(absent);
        written = java.util.Map.copyOf(written);
    }

    /** Where a rule id was written in the block (the block itself when unknown). */
    public SourceSpan where(String ruleId) {
        return written.getOrDefault(ruleId, span);
    }
}
