package dev.covenant.model;

import dev.covenant.source.SourceSpan;

/**
 * Someone who receives data from a practice.
 *
 * @param purpose what a processor does with the data; null for every other relationship
 */
public record Recipient(String practiceId, String name, Relationship relationship, ProcessorPurpose purpose, SourceSpan span)
        implements Fact {

    @Override
    public String id() {
        return practiceId + " -> " + name;
    }

    @Override
    public FactKind factKind() {
        return FactKind.RECIPIENT;
    }

    @Override
    public String describe() {
        return name + " (" + relationship.key() + (purpose == null ? "" : ", " + purpose.key()) + ")";
    }

    public boolean outsidePlatform() {
        return relationship.outsidePlatform();
    }
}
