package dev.covenant.verify;

import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.scenario.Expectation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares what a scenario produced with its {@code expect:} block: the set of fired rule ids must
 * equal {@code findings}, and no id in {@code absent} may fire. The one place that decides pass/fail
 * for fixtures, used by the fixture test and by {@code covenant test}.
 */
public record ExpectationCheck(String file, Set<String> fired, Set<String> missing, Set<String> unexpected,
        Set<String> firedButAbsent, String problem) {

    public static ExpectationCheck of(ScenarioResult result, Expectation expect) {
        if (result.status() != ScenarioResult.Status.EVALUATED) {
            String why = result.status() == ScenarioResult.Status.INVALID
                    ? "invalid scenario: " + result.diagnostics().stream().map(Object::toString).collect(Collectors.joining("; "))
                    : "evaluation error: " + result.error();
            return new ExpectationCheck(result.file(), Set.of(), Set.of(), Set.of(), Set.of(), why);
        }
        if (expect == null) {
            return new ExpectationCheck(result.file(), Set.of(), Set.of(), Set.of(), Set.of(), "no expect: block");
        }
        Set<String> fired = result.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(expect.findings());
        missing.removeAll(fired);
        Set<String> unexpected = new TreeSet<>(fired);
        unexpected.removeAll(expect.findings());
        Set<String> firedButAbsent = new TreeSet<>(expect.absent());
        firedButAbsent.retainAll(fired);
        return new ExpectationCheck(result.file(), fired, missing, unexpected, firedButAbsent, null);
    }

    public boolean passed() {
        return problem == null && missing.isEmpty() && unexpected.isEmpty() && firedButAbsent.isEmpty();
    }

    /** One line per difference, naming the file and the rule ids. */
    public List<String> differences() {
        if (problem != null) {
            return List.of(file + ": " + problem);
        }
        List<String> lines = new java.util.ArrayList<>();
        missing.forEach(id -> lines.add(file + ": expected finding " + id + " did not fire"));
        unexpected.forEach(id -> lines.add(file + ": unexpected finding " + id + " (not in expect.findings)"));
        firedButAbsent.forEach(id -> lines.add(file + ": " + id + " fired but expect.absent says it must not"));
        return lines;
    }
}
