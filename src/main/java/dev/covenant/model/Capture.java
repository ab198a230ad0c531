package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;

/** An archived copy of a document version on a date, identified by the hash of its text. */
public record Capture(String documentId, String version, LocalDate captured, String textSha256, SourceSpan span)
        implements Fact {

    @Override
    public String id() {
        return documentId + "@" + version + "#" + captured;
    }

    @Override
    public String kind() {
        return "capture";
    }
}
