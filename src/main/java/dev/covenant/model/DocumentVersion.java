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
    public String describe() {
        return "published " + published + ", effective " + effective
                + (notice == null ? ", no notice" : ", notice by " + notice.channel() + " on " + notice.sent())
                + (textSha256 == null ? "" : ", text sha256 " + textSha256);
    }

    /** True when the version claims to have taken effect before it was published. */
    public boolean backdated() {
        return effective.isBefore(published);
    }

    /** True when this version took effect before {@code other} did (then by version name). */
    public boolean effectiveBefore(DocumentVersion other) {
        int byDate = effective.compareTo(other.effective);
        return byDate < 0 || (byDate == 0 && version.compareTo(other.version) < 0);
    }

    /** Whole days between the notice and the effective date; null when no notice was sent. */
    /** How the version was announced, for messages: "with no notice", or "12 day(s) after its notice of 2024-09-06". */
    public String noticeGiven() {
        return notice == null ? "with no notice" : daysOfNotice() + " day(s) after its notice of " + notice.sent();
    }

    /** Days from the stated effective date to publication: how far a backdated version reaches back. */
    public long daysBackdated() {
        return java.time.temporal.ChronoUnit.DAYS.between(effective, published);
    }

    public Long daysOfNotice() {
        return notice == null ? null : java.time.temporal.ChronoUnit.DAYS.between(notice.sent(), effective);
    }

    /** True when the notice before this version took effect was shorter than {@code days}, or never sent. */
    public boolean noticeShorterThan(int days) {
        Long given = daysOfNotice();
        return given == null || given < days;
    }

    /** True when members were told on or before {@code day}. */
    public boolean noticedBy(LocalDate day) {
        return notice != null && !notice.sent().isAfter(day);
    }

    @Override
    public FactKind factKind() {
        return FactKind.VERSION;
    }

    /** The converse of {@link #effectiveBefore}, for rules that filter the later version. */
    public boolean effectiveAfter(DocumentVersion other) {
        return other.effectiveBefore(this);
    }
}
