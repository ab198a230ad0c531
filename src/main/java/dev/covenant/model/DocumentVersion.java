package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;

/** One version of a document with its publication and effective dates. */
public record DocumentVersion(
        String documentId,
        String version,
        LocalDate published,
        LocalDate effective,
        Notice notice,
        String textSha256,
        SourceSpan span) implements Fact {

    @Override
    public String id() {
        return documentId + "@" + version;
    }

    @Override
    public String kind() {
        return "document version";
    }
}
