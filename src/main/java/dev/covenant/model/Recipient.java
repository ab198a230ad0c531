package dev.covenant.model;

import dev.covenant.source.SourceSpan;

/**
 * Someone who receives data from a practice.
 *
 * @param purpose what a processor does with the data; null for every other relationship
 * @param sold    the platform is paid, or otherwise profits, for giving the data to this recipient (a sale, lease or
 *                trade: 740 ILCS 14/15(c)); stated, never inferred from the relationship
 */
public record Recipient(String practiceId, String name, Relationship relationship, ProcessorPurpose purpose, boolean sold,
        SourceSpan span) implements Fact {

    /** A recipient the data is given to, not sold to. */
    public Recipient(String practiceId, String name, Relationship relationship, ProcessorPurpose purpose, SourceSpan span) {
        this(practiceId, name, relationship, purpose, false, span);
    }

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
        return name + " (" + relationship.key() + (purpose == null ? "" : ", " + purpose.key()) + (sold ? ", sold" : "") + ")";
    }

    public boolean outsidePlatform() {
        return relationship.outsidePlatform();
    }

    /**
     * True when the recipient holds its own copy, beyond the platform's reach to undo a use: an affiliate or
     * third party, a processor using the data for its own purposes, or the public. A processor that only hosts
     * or delivers for the service holds the data for the platform; an addressee received what the member sent.
     */
    public boolean keepsCopy() {
        return switch (relationship) {
            case AFFILIATE, THIRD_PARTY, PUBLIC -> true;
            case PROCESSOR -> !ProcessorPurpose.onlyForTheService(purpose);
            case SELF, ADDRESSEE -> false;
        };
    }

    /**
     * True when the data is sold or shared with someone who uses it for its own purposes: an affiliate or third party,
     * or a processor on its own account — a recipient that keeps its own copy, the public aside (making data visible to
     * everyone is publication, not sharing with a recipient).
     */
    public boolean usesForOwnPurposes() {
        return keepsCopy() && relationship != Relationship.PUBLIC;
    }
}
