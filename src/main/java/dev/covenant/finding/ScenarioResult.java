package dev.covenant.finding;

import dev.covenant.source.Diagnostic;
import java.util.Comparator;
import java.util.List;

/**
 * What happened to one scenario file (with its timeline when it could be read): evaluated (with findings), invalid (with diagnostics, not
 * evaluated), or failed during evaluation (with the error, naming the rule). {@code diagnostics} are the errors that kept
 * it from being evaluated; {@code warnings} are shown with it and change neither its status nor the exit code.
 */
public record ScenarioResult(
        String file, String scenarioId, String title, java.time.LocalDate asOf, Status status,
        List<Finding> findings, List<Diagnostic> diagnostics, String error, Timeline timeline, List<Diagnostic> warnings) {

    /** The outcome of one scenario. */
    public enum Status { EVALUATED, INVALID, ERROR }

    public static final Comparator<ScenarioResult> ORDER = Comparator.comparing(ScenarioResult::file, dev.covenant.source.PathOrder.SEGMENTS)
            .thenComparing(r -> r.scenarioId() == null ? "" : r.scenarioId());

    /** A result with no warnings. */
    public ScenarioResult(String file, String scenarioId, String title, java.time.LocalDate asOf, Status status,
            List<Finding> findings, List<Diagnostic> diagnostics, String error, Timeline timeline) {
        this(file, scenarioId, title, asOf, status, findings, diagnostics, error, timeline, List.of());
    }

    public ScenarioResult {
        findings = findings.stream().sorted(Finding.ORDER).toList();
        diagnostics = diagnostics.stream().sorted().toList();
        warnings = warnings.stream().sorted().toList();
    }

    /** A file whose evaluation failed before a scenario could be read from it. */
    public static ScenarioResult failed(String file, String error) {
        return new ScenarioResult(file, null, null, null, Status.ERROR, List.of(), List.of(), error, null);
    }

    public static ScenarioResult invalid(String file, List<Diagnostic> diagnostics) {
        return invalid(file, diagnostics, List.of());
    }

    public static ScenarioResult invalid(String file, List<Diagnostic> diagnostics, List<Diagnostic> warnings) {
        return new ScenarioResult(file, null, null, null, Status.INVALID, List.of(), diagnostics, null, null, warnings);
    }

    public ScenarioResult withFindings(List<Finding> replaced) {
        return new ScenarioResult(file, scenarioId, title, asOf, status, replaced, diagnostics, error, timeline, warnings);
    }

    /** Total exposure of the findings, by currency; zero when none carries an amount. */
    public long exposureTotal(String currency) {
        return findings.stream().filter(f -> f.exposure() != null && f.exposure().currency().equals(currency))
                .mapToLong(f -> f.exposure().amount()).sum();
    }
}
