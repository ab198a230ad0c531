package dev.covenant.scenario;

import dev.covenant.model.Scenario;
import dev.covenant.source.Diagnostic;
import java.util.List;

/**
 * A scenario file read: either a scenario, or the errors ({@code diagnostics}) that kept it from being one.
 * {@code warnings} never make a file invalid; a valid scenario carries them too ({@link Scenario#warnings()}).
 * {@code expect} is the fixture's {@code expect:} block (null when it has none): what {@code covenant test}
 * checks, not a fact the rules see.
 */
public record LoadResult(String file, Scenario scenario, List<Diagnostic> diagnostics, List<Diagnostic> warnings,
        Expectation expect) {

    public LoadResult {
        diagnostics = diagnostics.stream().sorted().toList();
        warnings = warnings.stream().sorted().toList();
    }

    public LoadResult(String file, Scenario scenario, List<Diagnostic> diagnostics, List<Diagnostic> warnings) {
        this(file, scenario, diagnostics, warnings, null);
    }

    public LoadResult(String file, Scenario scenario, List<Diagnostic> diagnostics) {
        this(file, scenario, diagnostics, scenario == null ? List.of() : scenario.warnings());
    }

    static LoadResult valid(String file, Scenario scenario, Expectation expect) {
        return new LoadResult(file, scenario, List.of(), scenario.warnings(), expect);
    }

    /** Not a scenario: the errors among {@code diagnostics} say why; its warnings are kept apart. */
    static LoadResult invalid(String file, List<Diagnostic> diagnostics) {
        return new LoadResult(file, null, diagnostics.stream().filter(Diagnostic::isError).toList(),
                diagnostics.stream().filter(Diagnostic::isWarning).toList());
    }

    public boolean isValid() {
        return scenario != null;
    }
}
