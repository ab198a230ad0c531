package dev.covenant.source;

import java.util.Comparator;

/** A problem in user input (a scenario or a rule file) that stops it from being used. */
public record Diagnostic(SourceSpan where, String message) implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.where().file())
            .thenComparingInt(d -> d.where().line())
            .thenComparingInt(d -> d.where().column())
            .thenComparing(Diagnostic::message);

    /** The grep-able one-line form: {@code file:line:column: error: message}. */
    public String format() {
        return where.location() + ": error: " + message;
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
