package dev.covenant.finding;

import dev.covenant.source.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * The immutable outcome of a run: rule diagnostics (a pack that does not compile evaluates
 * nothing), input diagnostics (paths that could not be searched), and one result per scenario file,
 * sorted by file. Its exit code is the {@link Verdict}'s, as for every other entry point.
 */
public record Report(List<Diagnostic> ruleDiagnostics, List<Diagnostic> inputDiagnostics, List<ScenarioResult> results,
        List<RuleDescriptor> rules, ReviewNotes review) implements Verdict {

    public Report(List<Diagnostic> ruleDiagnostics, List<Diagnostic> inputDiagnostics, List<ScenarioResult> results,
            List<RuleDescriptor> rules) {
        this(ruleDiagnostics, inputDiagnostics, results, rules, null);
    }

    public Report {
        ruleDiagnostics = ruleDiagnostics.stream().sorted().toList();
        inputDiagnostics = inputDiagnostics.stream().sorted().toList();
        results = results.stream().sorted(ScenarioResult.ORDER).toList();
        rules = rules.stream().sorted(java.util.Comparator.comparing(RuleDescriptor::id)).toList();
    }

    /** The descriptor of rule {@code id}, or null. */
    public RuleDescriptor rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** Any rule or input diagnostic, or a scenario that is invalid or whose evaluation failed. */
    @Override
    public boolean inconclusive() {
        return verdict().inconclusive();
    }

    /** A finding at or above {@code failOn} that is not waived (and is new, when there is a baseline). */
    @Override
    public boolean fails(Severity failOn) {
        return verdict().fails(failOn);
    }

    private Verdict verdict() {
        return tally().verdict(!ruleDiagnostics.isEmpty() || !inputDiagnostics.isEmpty());
    }

    public Summary summary() {
        return tally().summary(ruleDiagnostics.size() + inputDiagnostics.size(), review == null ? 0 : review.fixed().size());
    }

    private Tally tally() {
        Tally tally = new Tally();
        results.forEach(tally::add);
        return tally;
    }

    /**
     * Counts over the whole run; {@code scenarios == evaluated + invalid + errors} always. {@code warnings}
     * counts the scenarios' warnings, which never change the exit code.
     */
    public record Summary(int scenarios, int evaluated, int invalid, int errors, int findings,
            Map<Severity, Integer> bySeverity, long exposureUsd, int otherDiagnostics, int waived, int newFindings, int fixed,
            int warnings) {

        public Summary(int scenarios, int evaluated, int invalid, int errors, int findings, Map<Severity, Integer> bySeverity,
                long exposureUsd, int otherDiagnostics, int waived, int newFindings, int fixed) {
            this(scenarios, evaluated, invalid, errors, findings, bySeverity, exposureUsd, otherDiagnostics, waived, newFindings,
                    fixed, 0);
        }
    }
}
