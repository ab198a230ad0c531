package dev.covenant.classify;

import dev.covenant.model.BiometricSchedule;
import dev.covenant.model.DocumentVersion;
import dev.covenant.model.People;
import dev.covenant.model.Period;
import dev.covenant.model.Practice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Derived: the days a practice held biometric identifiers of Illinois residents with no retention schedule made
 * available to the public (740 ILCS 14/15(a)) — from the later of its start and the Act's (2008-10-03) to
 * {@code as_of} or its end, less the days a compliant schedule ({@link BiometricSchedule#meetsIllinoisLimits}) stood
 * in a published version. A schedule stands from its version's publication until the next version of the same
 * document: a later version that drops it, or states one that falls short, withdraws it (what is no longer published
 * is no longer "made available"), one that restates it keeps it standing. None when no such day remains, so a
 * compliant schedule published on the practice's first day, or on the Act's, leaves no finding.
 *
 * @param days      the days without a schedule, in order, with gaps where one stood
 * @param schedules the compliant schedules that stood during the practice, for the evidence
 */
public record BiometricsUnscheduled(Practice practice, Affected illinois, List<Period> days,
        List<BiometricSchedule> schedules) implements Derived {

    /** 740 ILCS 14, Public Act 95-994, effective on its approval. */
    public static final LocalDate ACT_FROM = LocalDate.of(2008, 10, 3);

    public BiometricsUnscheduled {
        days = List.copyOf(days);
        schedules = List.copyOf(schedules);
    }

    /** The days of {@code practice} (known by {@code asOf}) on which no compliant schedule stood; empty when none. */
    public static Optional<BiometricsUnscheduled> of(Practice practice, Affected illinois,
            Collection<BiometricSchedule> schedules, Collection<DocumentVersion> versions, LocalDate asOf) {
        Period ran = practice.period().knownBy(asOf);
        LocalDate from = ran.from().isBefore(ACT_FROM) ? ACT_FROM : ran.from();
        LocalDate to = ran.to();
        if (to == null || from.isAfter(to)) {
            return Optional.empty(); // planned, or over before the Act
        }
        List<BiometricSchedule> standing = new ArrayList<>();
        List<Period> days = new ArrayList<>(List.of(new Period(from, to)));
        for (Map.Entry<BiometricSchedule, Period> stood : standingPeriods(schedules, versions).entrySet()) {
            Period shared = stood.getValue().overlap(new Period(from, to));
            if (shared != null) {
                standing.add(stood.getKey());
                days = without(days, shared);
            }
        }
        return days.isEmpty() ? Optional.empty()
                : Optional.of(new BiometricsUnscheduled(practice, illinois, days, standing));
    }

    /**
     * Each compliant schedule with the days it stood: from its version's publication to the day before the next
     * version of its document was published (open when none followed).
     */
    private static Map<BiometricSchedule, Period> standingPeriods(Collection<BiometricSchedule> schedules,
            Collection<DocumentVersion> versions) {
        Map<BiometricSchedule, Period> stood = new TreeMap<>(Comparator.comparing(BiometricSchedule::published)
                .thenComparing(BiometricSchedule::documentId).thenComparing(BiometricSchedule::version));
        for (BiometricSchedule schedule : schedules) {
            if (!schedule.meetsIllinoisLimits()) {
                continue;
            }
            LocalDate next = versions.stream()
                    .filter(v -> v.documentId().equals(schedule.documentId()) && !v.version().equals(schedule.version()))
                    .map(DocumentVersion::published).filter(p -> p.isAfter(schedule.published()))
                    .min(LocalDate::compareTo).orElse(null);
            stood.put(schedule, new Period(schedule.published(), next == null ? null : next.minusDays(1)));
        }
        return stood;
    }

    /** {@code days} less the days of {@code gone}. */
    private static List<Period> without(List<Period> days, Period gone) {
        List<Period> left = new ArrayList<>();
        for (Period p : days) {
            Period shared = p.overlap(gone);
            if (shared == null) {
                left.add(p);
                continue;
            }
            if (shared.from().isAfter(p.from())) {
                left.add(new Period(p.from(), shared.from().minusDays(1)));
            }
            if (shared.to() != null && shared.to().isBefore(p.to())) {
                left.add(new Period(shared.to().plusDays(1), p.to()));
            }
        }
        return left;
    }

    /** The first day without a schedule, for a message. */
    public LocalDate from() {
        return days.get(0).from();
    }

    /** The last day without a schedule (as_of or the practice's end, when no schedule ever came), for a message. */
    public LocalDate to() {
        return days.get(days.size() - 1).to();
    }

    /** Everyone in Illinois whose identifiers the practice holds, released or not. */
    public long people() {
        return illinois.people();
    }

    /** What stood on the other days of the practice, in words for a message. */
    public String scheduleStood() {
        if (schedules.isEmpty()) {
            return "no compliant schedule stood on any day of it";
        }
        List<String> versions = schedules.stream().map(s -> s.documentId() + " " + s.version() + " published "
                + s.published()).toList();
        return "a compliant schedule stood on its other days (" + String.join("; ", versions) + ")";
    }

    @Override
    public String scope() {
        return illinois.region();
    }

    @Override
    public List<Object> basis() {
        List<Object> basis = new ArrayList<>(Derived.basis(illinois.groups(), practice));
        basis.addAll(schedules);
        return basis;
    }

    /** The groups counted, for rules that need them as people. */
    public List<People> groups() {
        return illinois.groups();
    }
}
