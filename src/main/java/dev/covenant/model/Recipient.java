package dev.covenant.model;

import dev.covenant.source.SourceSpan;

/** Someone who receives data from a practice. */
public record Recipient(String practiceId, String name, Relationship relationship, SourceSpan span) implements Fact {

    @Override
    public String id() {
        return practiceId + " -> " + name;
    }

    @Override
    public String kind() {
        return "recipient";
    }

    @Override
    public String describe() {
        return name + " (" + relationship.key() + ")";
    }

    public boolean outsidePlatform() {
        return relationship.outsidePlatform();
    }
}
