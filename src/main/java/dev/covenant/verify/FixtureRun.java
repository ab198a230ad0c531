package dev.covenant.verify;

import dev.covenant.engine.Evaluator;
import dev.covenant.engine.RuleCatalog;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.finding.Verdict;
import dev.covenant.scenario.Expectation;
import dev.covenant.model.Scenario;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import dev.covenant.source.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs fixtures against their {@code expect:} blocks: the one runner behind {@code covenant test},
 * the fixture JUnit test, and the catalog's list of fixtures per rule.
 */
public record FixtureRun(List<Outcome> outcomes, List<Diagnostic> diagnostics, long nanos) implements Verdict {

    /** What a fixture run concluded about one file. */
    public enum Status { PASS, FAIL, ERROR, SKIP }

    /** One fixture: its expectation (null when it has none or is invalid), what it produced, and the verdict. */
    public record Outcome(String file, String scenarioId, Expectation expect, ScenarioResult result,
            ExpectationCheck check, Status status, List<Diagnostic> problems, long nanos) {
    }

    /** Runs every fixture under {@code roots}; with {@code select}, only those whose id or path it finds. */
    public static FixtureRun of(Evaluator evaluator, List<Path> roots, Pattern select) {
        long start = System.nanoTime();
        ScenarioFiles.Listing listing = ScenarioFiles.find(roots);
        RuleCatalog catalog = evaluator.ruleBase().catalog();
        List<Ran> ran = listing.files().parallelStream()
                .map(file -> run(evaluator, catalog, file, select))
                .filter(o -> o != null)
                .toList();
        // Ids claimed in file order (the parallel stream keeps it): the later of two files with one id is an error.
        dev.covenant.scenario.ScenarioIds ids = new dev.covenant.scenario.ScenarioIds();
        List<Outcome> outcomes = ran.stream().map(r -> {
            String first = r.scenario() == null ? null : ids.claim(r.scenario().id(), r.outcome().file());
            if (first == null) {
                return r.outcome();
            }
            Diagnostic duplicate = dev.covenant.scenario.ScenarioIds.duplicate(r.scenario(), first);
            ScenarioResult invalid = ScenarioResult.invalid(r.outcome().file(), List.of(duplicate));
            return new Outcome(r.outcome().file(), r.scenario().id(), null, invalid, ExpectationCheck.of(invalid, null), Status.ERROR,
                    List.of(duplicate), r.outcome().nanos());
        }).toList();
        List<Diagnostic> diagnostics = listing.diagnostics();
        if (select != null && outcomes.isEmpty() && !listing.files().isEmpty()) {
            // Every fixture filtered out: a run that tested nothing must not pass.
            String where = roots.stream().map(ScenarioFiles::display).collect(Collectors.joining(" "));
            diagnostics = new ArrayList<>(diagnostics);
            diagnostics.add(new Diagnostic(dev.covenant.source.SourceSpan.of(where, 0, 0), "no fixture's scenario id or path matches --run '"
                    + select.pattern() + "' (" + listing.files().size() + " fixture(s) found)"));
        }
        return new FixtureRun(outcomes, diagnostics, System.nanoTime() - start);
    }

    public static FixtureRun of(Evaluator evaluator, List<Path> roots) {
        return of(evaluator, roots, null);
    }

    /** One fixture's outcome and the scenario read from it (null when it could not be read). */
    private record Ran(Outcome outcome, Scenario scenario) {
    }

    private static Ran run(Evaluator evaluator, RuleCatalog catalog, ScenarioFiles.Found file, Pattern select) {
        long start = System.nanoTime();
        LoadResult loaded = ScenarioLoader.load(file.path(), file.display());
        String id = loaded.isValid() ? loaded.scenario().id() : null;
        if (select != null && !select.matcher(file.display()).find() && (id == null || !select.matcher(id).find())) {
            return null;
        }
        if (!loaded.isValid()) {
            ScenarioResult invalid = ScenarioResult.invalid(file.display(), loaded.diagnostics(), loaded.warnings());
            return new Ran(new Outcome(file.display(), null, null, invalid, ExpectationCheck.of(invalid, null), Status.ERROR,
                    loaded.diagnostics(), System.nanoTime() - start), null);
        }
        Scenario scenario = loaded.scenario();
        List<Diagnostic> unknown = unknownRuleIds(loaded.expect(), catalog);
        ScenarioResult result = evaluator.evaluate(scenario);
        ExpectationCheck check = ExpectationCheck.of(result, loaded.expect());
        Status status;
        if (!unknown.isEmpty() || result.status() != ScenarioResult.Status.EVALUATED) {
            status = Status.ERROR;
        } else if (loaded.expect() == null) {
            status = Status.SKIP;
        } else {
            status = check.passed() ? Status.PASS : Status.FAIL;
        }
        return new Ran(new Outcome(file.display(), id, loaded.expect(), result, check, status, unknown, System.nanoTime() - start),
                scenario);
    }

    /** An {@code expect:} naming a rule the pack does not have can never pass or fail meaningfully. */
    public static List<Diagnostic> unknownRuleIds(Expectation expect, RuleCatalog catalog) {
        if (expect == null) {
            return List.of();
        }
        Set<String> known = catalog.obligations().stream().map(dev.covenant.finding.RuleDescriptor::id).collect(Collectors.toSet());
        List<Diagnostic> problems = new ArrayList<>();
        for (String id : concat(expect.findings(), expect.absent())) {
            if (!known.contains(id)) {
                problems.add(new Diagnostic(expect.where(id), "expect: names rule " + id + ", which is not in the rule pack"
                        + dev.covenant.scenario.ScenarioLoader.suggestion(id, known)));
            }
        }
        return problems;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return all;
    }

    /** A run-level diagnostic (a path with no fixtures, a --run that selects none) or a fixture in ERROR. */
    @Override
    public boolean inconclusive() {
        return !diagnostics.isEmpty() || count(Status.ERROR) > 0;
    }

    /** A fixture failed its expectations; fixtures have no --fail-on, so {@code failOn} is not used. */
    @Override
    public boolean fails(Severity failOn) {
        return count(Status.FAIL) > 0;
    }

    /** This run's verdict for {@code covenant test --coverage-min}: coverage below {@code minPercent} fails it too. */
    public Tested withCoverage(Coverage coverage, Double minPercent) {
        return new Tested(this, coverage, minPercent);
    }

    /** A fixture run with the rule coverage it reached, and the share it had to reach (null: none). */
    public record Tested(FixtureRun run, Coverage coverage, Double minPercent) implements Verdict {

        public boolean belowMin() {
            return minPercent != null && coverage.percent() + 1e-9 < minPercent;
        }

        @Override
        public boolean inconclusive() {
            return run.inconclusive();
        }

        @Override
        public boolean fails(Severity failOn) {
            return run.fails(failOn) || belowMin();
        }
    }

    public long count(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Fixtures in which rule {@code id} fired. */
    public List<String> firing(String id) {
        return outcomes.stream().filter(o -> o.check().fired().contains(id)).map(Outcome::file).toList();
    }

    /** Fixtures that name {@code id} in {@code expect.absent} and in which it indeed did not fire. */
    public List<String> nearMisses(String id) {
        return outcomes.stream()
                .filter(o -> o.expect() != null && o.expect().absent().contains(id) && !o.check().fired().contains(id)
                        && o.check().problem() == null)
                .map(Outcome::file).toList();
    }

    /** Per obligation rule, whether some fixture fires it and some fixture is its near-miss. */
    public Coverage coverage(RuleCatalog catalog) {
        List<Coverage.Rule> rules = catalog.obligations().stream()
                .map(r -> new Coverage.Rule(r.id(), firing(r.id()), nearMisses(r.id())))
                .toList();
        return new Coverage(rules);
    }
}
