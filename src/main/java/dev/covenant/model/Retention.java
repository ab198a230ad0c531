package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a practice keeps its data, written under the practice's {@code retention} key: {@code limitDays} is the
 * limit the platform set itself (its retention schedule: how long the purpose needs the data), {@code keptDays}
 * how long records are in fact kept from collection (null: as the limit says), {@code onAccountDeletion} what
 * happens to them when a member deletes the account (null: not stated), and {@code legalHold} that they are kept
 * because a law requires it (GDPR Art. 17(3)(b), Cal. Civ. Code § 1798.105(d)): the exception every retention
 * rule honours. Its id is the practice's.
 */
public record Retention(String practice, Integer limitDays, Integer keptDays, AccountDeletion onAccountDeletion,
        boolean legalHold, SourceSpan span) implements Fact {

    /** Why data are kept too long; in words for messages. */
    public enum Overstay {
        PAST_LIMIT("kept past its own limit"),
        AFTER_ACCOUNT_DELETION("kept after members delete their accounts"),
        IN_MODEL("kept in a model trained on it after the limit");

        private final String words;

        Overstay(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    @Override
    public String id() {
        return practice;
    }

    @Override
    public FactKind factKind() {
        return FactKind.RETENTION;
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (limitDays != null) {
            parts.add("limit " + limitDays + " days");
        }
        if (keptDays != null) {
            parts.add("kept " + keptDays + " days");
        }
        if (onAccountDeletion != null) {
            parts.add("on account deletion " + onAccountDeletion.key());
        }
        if (legalHold) {
            parts.add("kept under a legal obligation");
        }
        return "retention of practice '" + practice + "': " + (parts.isEmpty() ? "nothing stated" : String.join("; ", parts));
    }

    /** How long records are kept in fact: {@code keptDays}, else the limit; null when neither is written. */
    public Integer actualDays() {
        return keptDays != null ? keptDays : limitDays;
    }

    /** True when records are kept longer than the platform's own limit. */
    public boolean exceedsOwnLimit() {
        return limitDays != null && keptDays != null && keptDays > limitDays;
    }

    /**
     * The first day a record collected on {@code collected} is kept past {@code limit} days: the limit counts
     * whole days from collection, so a 90-day limit is kept on day 90 and overstayed on day 91.
     */
    public static LocalDate overstayedFrom(LocalDate collected, int limit) {
        return collected.plusDays(limit + 1L);
    }

    /**
     * True when a data item collected on {@code collected} and used on {@code used} was still held past the
     * platform's own limit ({@link #overstayedFrom}: a use on the limit's last day is within it): the per-record
     * reading REC-RETENTION-EXCEEDED makes of the limit. False with no limit, or for data kept under a legal
     * obligation (the exception every retention rule honours).
     */
    public boolean overstayedBy(LocalDate collected, LocalDate used) {
        return limitDays != null && !legalHold && collected != null && !used.isBefore(overstayedFrom(collected, limitDays));
    }

    /**
     * The days on which records of {@code practice}, collected from {@code collectedFrom}, were kept past
     * {@code limit} days if they are in fact kept {@code kept} days: from the first record's first day past the
     * limit to the last record's last day kept (the practice's end plus {@code kept}), cut at {@code asOf};
     * null when no record was past the limit by {@code asOf}.
     */
    public static Period overstay(Practice practice, LocalDate collectedFrom, int limit, int kept, LocalDate asOf) {
        if (kept <= limit) {
            return null;
        }
        LocalDate first = overstayedFrom(collectedFrom, limit);
        LocalDate practiceEnd = practice.period().to();
        LocalDate last = practiceEnd == null ? asOf : min(practiceEnd.plusDays(kept), asOf);
        return first.isAfter(last) ? null : new Period(first, last);
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
