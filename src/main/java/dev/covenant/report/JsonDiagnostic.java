package dev.covenant.report;

import dev.covenant.source.Diagnostic;
import java.util.Collection;
import java.util.List;

/**
 * The one JSON shape of a diagnostic, in every JSON output (report, test results, validate, the
 * server's errors, diagnostics.jsonl): where it is ({@code column} 0 when not known), what it says,
 * and whether it is an {@code error} or a {@code warning}.
 */
public record JsonDiagnostic(String file, int line, int column, String message, String level) {

    public static JsonDiagnostic of(Diagnostic d) {
        return new JsonDiagnostic(d.where().file(), d.where().line(), d.where().column(), d.message(), d.level().key());
    }

    public static List<JsonDiagnostic> all(Collection<Diagnostic> diagnostics) {
        return diagnostics.stream().map(JsonDiagnostic::of).toList();
    }
}
