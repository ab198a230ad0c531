package dev.covenant.finding;

import dev.covenant.source.Diagnostic;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable outcome of a run: rule diagnostics (a pack that does not compile evaluates
 * nothing), input diagnostics (paths that could not be searched), and one result per scenario file,
 * sorted by file. The exit-code policy lives here, not in the CLI.
 */
public record Report(List<Diagnostic> ruleDiagnostics, List<Diagnostic> inputDiagnostics, List<ScenarioResult> results,
        List<RuleDescriptor> rules, ReviewNotes review) {

    public Report(List<Diagnostic> ruleDiagnostics, List<Diagnostic> inputDiagnostics, List<ScenarioResult> results,
            List<RuleDescriptor> rules) {
        this(ruleDiagnostics, inputDiagnostics, results, rules, null);
    }

    public static final int EXIT_CLEAN = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_INVALID = 2;

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

    /**
     * 2 for any invalid input or evaluation error (it wins), else 1 for a finding at or above {@code failOn}
     * that is not waived (and is new, when there is a baseline), else 0.
     */
    public int exitCode(Severity failOn) {
        boolean invalid = !ruleDiagnostics.isEmpty() || !inputDiagnostics.isEmpty()
                || results.stream().anyMatch(r -> r.status() != ScenarioResult.Status.EVALUATED);
        if (invalid) {
            return EXIT_INVALID;
        }
        // Waived findings, and with a baseline the unchanged ones, do not fail a run.
        boolean failing = results.stream().flatMap(r -> r.findings().stream())
                .anyMatch(f -> f.review().counts() && f.severity().atLeast(failOn));
        return failing ? EXIT_FINDINGS : EXIT_CLEAN;
    }

    public Summary summary() {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
        int evaluated = 0;
        int invalid = 0;
        int errors = 0;
        long exposure = 0;
        for (ScenarioResult r : results) {
            switch (r.status()) {
                case EVALUATED -> evaluated++;
                case INVALID -> invalid++;
                case ERROR -> errors++;
            }
            r.findings().forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
            exposure += r.exposureTotal("USD");
        }
        int findings = bySeverity.values().stream().mapToInt(Integer::intValue).sum();
        int waived = (int) results.stream().flatMap(r -> r.findings().stream()).filter(f -> f.review().waived()).count();
        int fresh = (int) results.stream().flatMap(r -> r.findings().stream())
                .filter(f -> f.review().baseline() == Review.BaselineState.NEW).count();
        return new Summary(results.size(), evaluated, invalid, errors, findings, Map.copyOf(bySeverity), exposure,
                ruleDiagnostics.size() + inputDiagnostics.size(), waived, fresh, review == null ? 0 : review.fixed().size());
    }

    /** Counts over the whole run; {@code scenarios == evaluated + invalid + errors} always. */
    public record Summary(int scenarios, int evaluated, int invalid, int errors, int findings,
            Map<Severity, Integer> bySeverity, long exposureUsd, int otherDiagnostics, int waived, int newFindings, int fixed) {
    }
}
