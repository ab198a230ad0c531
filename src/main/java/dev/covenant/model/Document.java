package dev.covenant.model;

import dev.covenant.source.SourceSpan;

/** A published document (privacy policy, user agreement, help page) that has versions. */
public record Document(String id, String documentKind, ChangeNotice changeNotice, SourceSpan span) implements Fact {

    @Override
    public String describe() {
        return documentKind + (changeNotice == null ? "" : "; promises " + changeNotice.days() + " days' notice (" + changeNotice.clause() + ")");
    }

    @Override
    public FactKind factKind() {
        return FactKind.DOCUMENT;
    }
}
