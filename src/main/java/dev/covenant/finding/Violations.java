package dev.covenant.finding;

import java.util.List;

/**
 * Findings of violations of law about one subject (a practice, a setting) whose evidence reaches members in
 * {@code region}, gathered so that a rule borrowing them (the UCL's unlawful prong) matches once per subject,
 * on all of them. Derived by a classification rule from the findings reported so far; the evidence of a
 * finding resting on it is theirs.
 */
public record Violations(Object subject, String region, List<Finding> findings) {

    public Violations {
        // Gathered in the engine's matching order, which differs between a compiled and a cached pack.
        findings = findings.stream().sorted(java.util.Comparator.comparing(Finding::ruleId).thenComparing(Finding::message)).toList();
    }

    /** The ids of the rules found violated, sorted, each once. */
    public List<String> ruleIds() {
        return findings.stream().map(Finding::ruleId).distinct().sorted().toList();
    }
}
