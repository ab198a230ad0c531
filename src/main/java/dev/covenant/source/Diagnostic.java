package dev.covenant.source;

import java.util.Comparator;
import java.util.Locale;

/**
 * A problem in user input (a scenario or a rule file). An error stops the input from being used; a
 * warning is shown and changes nothing else (the scenario is still evaluated, exit codes are unchanged).
 */
public record Diagnostic(SourceSpan where, String message, Level level) implements Comparable<Diagnostic> {

    /** How serious a diagnostic is; only errors make input unusable. */
    public enum Level {
        ERROR, WARNING;

        /** As printed: {@code error}, {@code warning}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.where().file())
            .thenComparingInt(d -> d.where().line())
            .thenComparingInt(d -> d.where().column())
            .thenComparing(Diagnostic::level)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        level = level == null ? Level.ERROR : level;
    }

    /** An error: most diagnostics are, so the two-argument form means one. */
    public Diagnostic(SourceSpan where, String message) {
        this(where, message, Level.ERROR);
    }

    public static Diagnostic warning(SourceSpan where, String message) {
        return new Diagnostic(where, message, Level.WARNING);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    public boolean isWarning() {
        return level == Level.WARNING;
    }

    /** The grep-able one-line form: {@code file:line:column: error: message} (or {@code warning:}). */
    public String format() {
        return where.location() + ": " + level.key() + ": " + message;
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}
