package dev.covenant.verify;

import dev.covenant.engine.Evaluator;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.model.Expectation;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every fixture under some paths, evaluated and compared with its {@code expect:} block. */
public record FixtureRun(List<Outcome> outcomes, List<dev.covenant.source.Diagnostic> diagnostics) {

    /** One fixture: its expectation (null when it has none or is invalid) and what it produced. */
    public record Outcome(String file, Expectation expect, ScenarioResult result, ExpectationCheck check) {
    }

    public static FixtureRun of(Evaluator evaluator, List<Path> roots) {
        ScenarioFiles.Listing listing = ScenarioFiles.find(roots);
        List<Outcome> outcomes = new ArrayList<>();
        for (ScenarioFiles.Found file : listing.files()) {
            LoadResult loaded = ScenarioLoader.load(file.path(), file.display());
            ScenarioResult result = loaded.isValid() ? evaluator.evaluate(loaded.scenario())
                    : ScenarioResult.invalid(file.display(), loaded.diagnostics());
            Expectation expect = loaded.isValid() ? loaded.scenario().expect() : null;
            outcomes.add(new Outcome(file.display(), expect, result, ExpectationCheck.of(result, expect)));
        }
        return new FixtureRun(List.copyOf(outcomes), listing.diagnostics());
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
}
