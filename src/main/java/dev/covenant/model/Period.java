package dev.covenant.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A span of days, both ends inclusive; {@code to == null} means still open. Every date comparison
 * the rules make between periods goes through here, so "overlap" means one thing everywhere.
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("period ends " + to + " before it starts " + from);
        }
    }

    public static Period since(LocalDate from) {
        return new Period(from, null);
    }

    /** The span from the earliest start to the latest end of {@code periods} (open if any is open). */
    public static Period spanning(java.util.Collection<Period> periods) {
        LocalDate from = periods.stream().map(Period::from).min(LocalDate::compareTo).orElseThrow();
        boolean open = periods.stream().anyMatch(Period::isOpen);
        LocalDate to = open ? null : periods.stream().map(Period::to).max(LocalDate::compareTo).orElseThrow();
        return new Period(from, to);
    }

    /**
     * The distinct days of closed {@code periods}, each day counted once however many periods hold it: the days of
     * a violation that stopped and resumed, without the gap between.
     */
    public static long distinctDays(java.util.Collection<Period> periods) {
        List<Period> sorted = periods.stream().sorted(java.util.Comparator.comparing(Period::from)).toList();
        long days = 0;
        LocalDate covered = null; // the last day counted so far
        for (Period p : sorted) {
            LocalDate start = covered == null || p.from.isAfter(covered) ? p.from : covered.plusDays(1);
            if (!start.isAfter(p.to)) {
                days += java.time.temporal.ChronoUnit.DAYS.between(start, p.to) + 1;
                covered = p.to;
            }
        }
        return days;
    }

    public boolean isOpen() {
        return to == null;
    }

    /** This period with an open end closed at {@code asOf}: what "so far" means on that date. */
    public Period closedBy(LocalDate asOf) {
        if (to != null || asOf.isBefore(from)) {
            return this;
        }
        return new Period(from, asOf);
    }

    /**
     * What of this period has happened by {@code asOf}: its end closed at {@code asOf}, and an end stated
     * after {@code asOf} cut back to it (conduct not yet happened is not conduct). A period that starts after
     * {@code asOf} (a planned practice) is returned unchanged.
     */
    public Period knownBy(LocalDate asOf) {
        if (asOf.isBefore(from)) {
            return this;
        }
        return to != null && !to.isAfter(asOf) ? this : new Period(from, asOf);
    }

    /** The days this period and {@code other} share, or null when they share none. */
    public Period overlap(Period other) {
        if (!overlaps(other)) {
            return null;
        }
        LocalDate start = from.isAfter(other.from) ? from : other.from;
        LocalDate end = to == null ? other.to : other.to == null ? to : (to.isBefore(other.to) ? to : other.to);
        return new Period(start, end);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    public boolean overlaps(Period other) {
        boolean startsBeforeOtherEnds = other.to == null || !from.isAfter(other.to);
        boolean endsAfterOtherStarts = to == null || !to.isBefore(other.from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    /** True when this period began strictly before {@code day}. */
    public boolean startsBefore(LocalDate day) {
        return from.isBefore(day);
    }

    /** True when this period has already begun on {@code day}. */
    public boolean hasStartedBy(LocalDate day) {
        return !from.isAfter(day);
    }

    @Override
    public String toString() {
        return to == null ? "since " + from : from + " to " + to;
    }
}
