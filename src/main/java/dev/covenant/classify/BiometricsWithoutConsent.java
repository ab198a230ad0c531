package dev.covenant.classify;

import dev.covenant.model.Fact;
import dev.covenant.model.People;
import dev.covenant.model.Practice;
import dev.covenant.model.Sensitive;
import dev.covenant.model.Subject;
import dev.covenant.model.SubjectSource;
import java.time.LocalDate;
import java.util.List;

/**
 * Derived: the people within a region whose biometric identifiers, as {@code law} defines them, a practice obtains
 * without the consent that law requires — the member cohorts it reaches when it does not rest on that consent (a
 * written release in Illinois, informed consent in Texas), and every group of people who are not members it touches,
 * whatever the practice rests on: they hold no account and were never asked (principle: only members can consent).
 * One per practice and protected region, none when everyone there consented.
 */
public record BiometricsWithoutConsent(Practice practice, Sensitive law, String region, List<People> groups, LocalDate asOf)
        implements Derived {

    /** Texas from 2026-01-01 (HB 149): an image on the internet is neither notice nor consent unless the person posted it. */
    public static final String TEXAS_PUBLIC_IMAGES = "Tex. Bus. & Com. Code § 503.001(b-1)";
    static final LocalDate TEXAS_PUBLIC_IMAGES_FROM = LocalDate.of(2026, 1, 1);

    /** P.A. 103-0769 (SB 2979), in force on its approval: one recovery for repeated collection by the same method. */
    static final LocalDate ILLINOIS_ONE_RECOVERY_FROM = LocalDate.of(2024, 8, 2);

    public BiometricsWithoutConsent {
        groups = Fact.inFileOrder(groups);
    }

    /**
     * The people of {@code affected} (one region's) whose identifiers the practice obtains without consent: members
     * only when {@code consented} is false; people who are not members always. Empty when there are none.
     */
    public static List<BiometricsWithoutConsent> of(Practice practice, Sensitive law, Affected affected, boolean consented,
            LocalDate asOf) {
        List<People> unasked = affected.groups().stream().filter(g -> !consented || !g.members()).toList();
        return unasked.isEmpty() ? List.of()
                : List.of(new BiometricsWithoutConsent(practice, law, affected.region(), unasked, asOf));
    }

    /** Everyone counted, each group once. */
    public long people() {
        return People.counted(groups);
    }

    /** The members among them. */
    public long members() {
        return People.counted(groups.stream().filter(People::members).toList());
    }

    /** The people who are not members among them. */
    public long others() {
        return people() - members();
    }

    /** The practice's categories that are biometric identifiers under the law, sorted. */
    public List<String> identifiers() {
        return law.among(practice.categories());
    }

    /**
     * § 503.001(b-1), when it governs: the law is Texas', some of the people are not members whose images came from
     * the public web, and the practice ran on or after 2026-01-01. Whether a person made an image public themselves
     * (the subsection's exception) is not stated by a scenario, so it is not honoured.
     */
    public List<String> publicImageProvisions() {
        boolean scraped = groups.stream().anyMatch(g -> g instanceof Subject s && s.source() == SubjectSource.PUBLIC_WEB);
        LocalDate end = practice.periodAsOf(asOf).to();
        boolean inForce = end == null || !end.isBefore(TEXAS_PUBLIC_IMAGES_FROM);
        return law == Sensitive.TEXAS_BIOMETRIC_IDENTIFIER && scraped && inForce ? List.of(TEXAS_PUBLIC_IMAGES) : List.of();
    }

    /**
     * How 740 ILCS 14/20(b) counts repeated collection for this practice's conduct, in words for a message: one
     * violation per person from 2024-08-02 (P.A. 103-0769); before that, contested.
     */
    public String repeatedCollection() {
        return practice.started().isBefore(ILLINOIS_ONE_RECOVERY_FROM)
                ? "for conduct before 2024-08-02 whether each scan is a separate violation is contested (Cothron v. White"
                        + " Castle, 2023 IL 128004, held it is; 740 ILCS 14/20(b) as amended by P.A. 103-0769 counts one per person)"
                : "repeated collection of the same identifier from the same person by the same method is one violation"
                        + " (740 ILCS 14/20(b))";
    }

    @Override
    public String scope() {
        return region;
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(groups, practice);
    }
}
