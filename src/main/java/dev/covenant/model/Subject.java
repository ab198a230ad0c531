package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;

/**
 * People who are not members whose data a practice touches (people pictured in uploads, meeting participants
 * without accounts, people whose pages were scraped): they hold no account, so they never saw a setting,
 * opted out or consented. {@code since} is when their data began to be obtained. {@code informed} is when and how
 * they were told of the processing (null: never), {@code exemption} an Art. 14(5)(b) claim that telling them is
 * impossible or disproportionate (null: none; only for data not obtained from them).
 */
public record Subject(String id, String region, long count, SubjectSource source, LocalDate since, Notice informed,
        NoticeExemption exemption, SourceSpan span)
        implements People {

    /** People never told, with no exemption claimed. */
    public Subject(String id, String region, long count, SubjectSource source, LocalDate since, SourceSpan span) {
        this(id, region, count, source, since, null, null, span);
    }

    @Override
    public FactKind factKind() {
        return FactKind.SUBJECT;
    }

    @Override
    public boolean members() {
        return false;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d people who are not members in %s, data obtained %s since %s",
                count, region, source.key(), since)
                + (informed == null ? "" : ", told by " + informed.channel() + " on " + informed.sent())
                + (exemption == null ? "" : ", exemption claimed: " + exemption);
    }

    /** The converse of {@link Practice#touches(Subject, LocalDate)}, for rules that filter subjects. */
    public boolean touchedBy(Practice practice, LocalDate asOf) {
        return practice.touches(this, asOf);
    }
}
