package dev.covenant.review;

import dev.covenant.finding.Finding;
import dev.covenant.finding.Fingerprint;
import dev.covenant.finding.Report;
import dev.covenant.finding.Review;
import dev.covenant.finding.ReviewNotes;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Waiver;
import dev.covenant.source.Diagnostic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies accepted risks and the last approved run to a report: waived findings are marked (and stop
 * counting toward --fail-on), expired waivers no longer apply and are listed, waivers that match nothing
 * are listed as stale; against a baseline each finding is new or unchanged, and the baseline's findings of
 * scenarios evaluated in this run that it no longer produces are listed as fixed (a scenario left out of the
 * run, or invalid in it, fixed nothing). Invalid waiver or baseline files are input diagnostics (exit 2).
 */
public final class ReviewPolicy {

    private final List<Waiver> waivers;
    private final Baseline baseline;
    private final List<Diagnostic> diagnostics;
    private final LocalDate today;

    public ReviewPolicy(List<Waiver> waivers, Baseline baseline, List<Diagnostic> diagnostics, LocalDate today) {
        this.waivers = List.copyOf(waivers);
        this.baseline = baseline;
        this.diagnostics = List.copyOf(diagnostics);
        this.today = today;
    }

    public static ReviewPolicy none() {
        return new ReviewPolicy(List.of(), null, List.of(), LocalDate.now());
    }

    public boolean isEmpty() {
        return waivers.isEmpty() && baseline == null && diagnostics.isEmpty();
    }

    public Report apply(Report report) {
        if (isEmpty()) {
            return report;
        }
        Run run = start();
        List<ScenarioResult> results = report.results().stream().map(run::apply).toList();
        List<Diagnostic> inputs = new ArrayList<>(report.inputDiagnostics());
        inputs.addAll(diagnostics);
        return new Report(report.ruleDiagnostics(), inputs, results, report.rules(), run.notes());
    }

    /** Diagnostics of the waivers file and the baseline (input problems: exit 2). */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Starts applying the policy to results one at a time, as they stream past. */
    public Run start() {
        return new Run();
    }

    /** One run of the policy: remembers which waivers were used and which baseline findings were seen. */
    public final class Run {
        private final Set<Waiver> used = new HashSet<>();
        private final Set<String> seen = new HashSet<>();
        /** Scenarios evaluated in this run: only their baseline findings can have been fixed. */
        private final Set<String> evaluated = new HashSet<>();

        public ScenarioResult apply(ScenarioResult r) {
            if (baseline != null && r.status() == ScenarioResult.Status.EVALUATED) {
                evaluated.add(r.scenarioId());
            }
            if (isEmpty() || r.findings().isEmpty()) {
                return r;
            }
            List<Finding> findings = new ArrayList<>();
            for (Finding f : r.findings()) {
                Waiver waiver = null;
                for (Waiver w : waivers) {
                    if (w.covers(f.ruleId(), r.scenarioId())) {
                        used.add(w);
                        if (w.inForceOn(today) && waiver == null) {
                            waiver = w;
                        }
                    }
                }
                Review.BaselineState state = null;
                if (baseline != null) {
                    String fingerprint = Fingerprint.of(r.scenarioId(), f);
                    seen.add(fingerprint);
                    state = baseline.findings().containsKey(fingerprint) ? Review.BaselineState.UNCHANGED : Review.BaselineState.NEW;
                }
                findings.add(f.withReview(new Review(waiver, state)));
            }
            return r.withFindings(findings);
        }

        /** What the run noticed, or null when there were neither waivers nor a baseline. */
        public ReviewNotes notes() {
            if (waivers.isEmpty() && baseline == null) {
                return null;
            }
            List<Waiver> expired = waivers.stream().filter(w -> !w.inForceOn(today)).toList();
            List<Waiver> stale = waivers.stream().filter(w -> w.inForceOn(today) && !used.contains(w)).toList();
            List<ReviewNotes.FixedFinding> fixed = baseline == null ? List.of()
                    : baseline.findings().values().stream()
                            .filter(b -> evaluated.contains(b.scenario()) && !seen.contains(b.fingerprint())).toList();
            return new ReviewNotes(expired, stale, fixed, baseline != null);
        }
    }
}
