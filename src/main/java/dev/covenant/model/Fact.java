package dev.covenant.model;

import dev.covenant.source.SourceSpan;

/** A fact read from a scenario: it has an id within its kind and remembers where it was written. */
public interface Fact {

    String id();

    SourceSpan span();

    /** The scenario key this kind of fact is written under, e.g. {@code practice}. */
    String kind();

    /** The fact's content in one line, for reports that show evidence. */
    String describe();
}
