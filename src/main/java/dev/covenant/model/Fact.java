package dev.covenant.model;

import dev.covenant.source.SourceSpan;

/** A fact read from a scenario: it has an id within its kind and remembers where it was written. */
public interface Fact {

    String id();

    SourceSpan span();

    /** What kind of fact this is: its stable key and its display label. */
    FactKind factKind();

    /** The stable key of its kind, the scenario key it is written under ({@code cohort}); identity uses it. */
    default String kindKey() {
        return factKind().key();
    }

    /** The display label of its kind ({@code member cohort}), as reports print it. */
    default String kind() {
        return factKind().label();
    }

    /** The fact's content in one line, for reports that show evidence. */
    String describe();

    /**
     * {@code facts} in the order they were written (file, line, column, then id): derived facts gather their facts
     * in the engine's matching order, which must not show in a message or a report.
     */
    static <T extends Fact> java.util.List<T> inFileOrder(java.util.Collection<T> facts) {
        return facts.stream().sorted(java.util.Comparator.comparing((T f) -> f.span() == null ? "" : f.span().file())
                .thenComparingInt(f -> f.span() == null ? 0 : f.span().line())
                .thenComparingInt(f -> f.span() == null ? 0 : f.span().column())
                .thenComparing(Fact::id)).toList();
    }
}
