package dev.covenant.model;

import dev.covenant.source.SourceSpan;

/** Someone who receives data from a practice. */
public record Recipient(String practiceId, String name, Relationship relationship, SourceSpan span) implements Fact {

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
        return name + " (" + relationship.key() + ")";
    }

    public boolean outsidePlatform() {
        return relationship.outsidePlatform();
    }
}
