package dev.covenant.classify;

import dev.covenant.model.Capture;
import dev.covenant.model.DocumentVersion;
import dev.covenant.model.Fact;
import dev.covenant.model.Notice;
import java.util.List;

/**
 * Derived: a capture of a document version whose text differs from the version's text before it —
 * the previous capture, or the text at publication when there is none ({@code before} says which).
 */
public record TextChange(DocumentVersion version, Capture capture, Fact before, String previousSha256) implements Derived {

    /** The date the earlier text was recorded: the previous capture's, or the version's publication. */
    public java.time.LocalDate since() {
        return before instanceof Capture c ? c.captured() : version.published();
    }

    /** True when members were told of the change: a notice sent after {@link #since()} and on or before the capture. */
    /** The first 12 hex digits of the text hash captured, and of the text before it: enough to tell them apart. */
    public String capturedHash() {
        return capture.textSha256().substring(0, 12);
    }

    public String previousHash() {
        return previousSha256.substring(0, 12);
    }

    public boolean noticed() {
        Notice notice = version.notice();
        return notice != null && notice.sent().isAfter(since()) && !notice.sent().isAfter(capture.captured());
    }

    @Override
    public List<Object> basis() {
        return List.of(version, capture, before);
    }
}
