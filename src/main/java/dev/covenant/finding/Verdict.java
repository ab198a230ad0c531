package dev.covenant.finding;

/**
 * What a run's outcome means for the process's exit code: the one policy behind {@code check},
 * {@code test}, {@code validate}, {@code audit}, the Spark job and the Java API. Each outcome says
 * only whether it is inconclusive and whether it fails; the precedence between the two lives here,
 * so no entry point can rank them differently.
 */
public interface Verdict {

    int EXIT_CLEAN = 0;
    int EXIT_FINDINGS = 1;
    int EXIT_INVALID = 2;

    /**
     * Invalid input (usage, rule, scenario or row diagnostics; an unreadable file) or an evaluation
     * that failed: the run cannot vouch for what it did not check, so this wins over {@link #fails}.
     */
    boolean inconclusive();

    /**
     * The run found what makes it fail: a counting finding at or above {@code failOn}, a failed
     * fixture. Outcomes without severities (fixtures, validation) ignore {@code failOn}.
     */
    boolean fails(Severity failOn);

    /** 2 when inconclusive, else 1 when failing, else 0. */
    default int exitCode(Severity failOn) {
        return inconclusive() ? EXIT_INVALID : fails(failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
    }
}
