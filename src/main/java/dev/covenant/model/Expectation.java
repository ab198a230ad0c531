package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.util.List;

/** A fixture's {@code expect:} block: the exact set of rule ids it must produce, and near-misses. */
public record Expectation(List<String> findings, List<String> absent, SourceSpan span) {

    public Expectation {
        findings = List.copyOf(findings);
        absent = List.copyOf(absent);
    }
}
