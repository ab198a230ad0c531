package dev.covenant.scenario;

import dev.covenant.model.Scenario;
import dev.covenant.source.Diagnostic;
import java.util.List;

/** A scenario file read: either a scenario, or the diagnostics that kept it from being one. */
public record LoadResult(String file, Scenario scenario, List<Diagnostic> diagnostics) {

    public LoadResult {
        diagnostics = diagnostics.stream().sorted().toList();
    }

    static LoadResult valid(String file, Scenario scenario) {
        return new LoadResult(file, scenario, List.of());
    }

    static LoadResult invalid(String file, List<Diagnostic> diagnostics) {
        return new LoadResult(file, null, diagnostics);
    }

    public boolean isValid() {
        return scenario != null;
    }
}
