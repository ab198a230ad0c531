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
}
