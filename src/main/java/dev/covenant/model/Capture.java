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
    public String describe() {
        return "captured " + captured + ", text sha256 " + textSha256;
    }

    public boolean belongsTo(DocumentVersion version) {
        return documentId.equals(version.documentId()) && this.version.equals(version.version());
    }

    /** True when this capture was taken before {@code other} (then by hash, for a total order). */
    public boolean capturedBefore(Capture other) {
        int byDate = captured.compareTo(other.captured);
        return byDate < 0 || (byDate == 0 && textSha256.compareTo(other.textSha256) < 0);
    }

    @Override
    public FactKind factKind() {
        return FactKind.CAPTURE;
    }

    /** The converse of {@link #capturedBefore}, for rules that filter the later capture. */
    public boolean capturedAfter(Capture other) {
        return other.capturedBefore(this);
    }
}
