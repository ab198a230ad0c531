package dev.covenant.finding;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts kept while scenarios stream past, so a run of a million scenarios can report its summary and
 * exit code without holding the results. The one place the summary is computed.
 */
public final class Tally {

    private int scenarios;
    private int evaluated;
    private int invalid;
    private int errors;
    private int findings;
    private int waived;
    private int newFindings;
    private int warnings;
    private long exposureUsd;
    private final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    /** The most serious severity among findings that count toward --fail-on, or null. */
    private Severity worstCounting;

    public Tally() {
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
    }

    public void add(ScenarioResult r) {
        scenarios++;
        switch (r.status()) {
            case EVALUATED -> evaluated++;
            case INVALID -> invalid++;
            case ERROR -> errors++;
        }
        for (Finding f : r.findings()) {
            findings++;
            bySeverity.merge(f.severity(), 1, Integer::sum);
            if (f.review().waived()) {
                waived++;
            }
            if (f.review().baseline() == Review.BaselineState.NEW) {
                newFindings++;
            }
            if (f.review().counts() && (worstCounting == null || f.severity().compareTo(worstCounting) < 0)) {
                worstCounting = f.severity();
            }
        }
        exposureUsd += r.exposureTotal("USD");
        warnings += r.warnings().size();
    }

    public Report.Summary summary(int otherDiagnostics, int fixed) {
        return new Report.Summary(scenarios, evaluated, invalid, errors, findings, Map.copyOf(bySeverity), exposureUsd,
                otherDiagnostics, waived, newFindings, fixed, warnings);
    }

    /**
     * The verdict on the scenarios counted so far: inconclusive with {@code otherProblems} (rule or
     * input diagnostics) or an invalid or failed scenario; failing on a counting finding at or above --fail-on.
     */
    public Verdict verdict(boolean otherProblems) {
        boolean inconclusive = otherProblems || invalid > 0 || errors > 0;
        Severity worst = worstCounting;
        return new Verdict() {
            @Override
            public boolean inconclusive() {
                return inconclusive;
            }

            @Override
            public boolean fails(Severity failOn) {
                return worst != null && worst.atLeast(failOn);
            }
        };
    }

    /** The exit code of {@link #verdict}. */
    public int exitCode(Severity failOn, boolean otherProblems) {
        return verdict(otherProblems).exitCode(failOn);
    }
}
