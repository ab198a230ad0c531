package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.List;

/**
 * A personal data breach the platform became aware of on {@code discovered}: the data categories it exposed, the
 * member cohorts and groups of people who are not members it affected ({@code people}, their ids), how likely it is
 * to harm them ({@code risk}), and when the supervisory authority and the people were told (null: not told).
 * {@code unauthorisedDisclosure} marks a disclosure the people did not authorise (health data given to an
 * advertiser) rather than an attack; {@code exception} is a GDPR Art. 34(3) ground for not telling the people, with
 * the public notice that replaces it for disproportionate effort. A breach discovered after {@code as_of} is not known.
 */
public record Breach(
        String id,
        LocalDate discovered,
        List<String> categories,
        List<String> people,
        Risk risk,
        LocalDate authorityNotified,
        LocalDate peopleNotified,
        String delayReasons,
        boolean unauthorisedDisclosure,
        Exemption exception,
        LocalDate publicNotice,
        SourceSpan span) implements Fact {

    /** GDPR Art. 33(1): "without undue delay and, where feasible, not later than 72 hours after having become aware of it". */
    public static final int AUTHORITY_HOURS = 72;

    /** 16 C.F.R. § 318.4(a): "in no case later than 60 calendar days after the discovery of a breach of security". */
    public static final int HBNR_DAYS = 60;

    /**
     * The day the FTC first read an unauthorised disclosure by a health app as a breach of security: its Statement on
     * Breaches by Health Apps and Other Connected Devices; the 2024 amendments wrote it into § 318.2 from 2024-07-29.
     */
    public static final LocalDate DISCLOSURE_READ_AS_BREACH = LocalDate.of(2021, 9, 15);

    /** How likely the breach is to result in a risk to people's rights and freedoms (GDPR Arts. 33(1), 34(1)). */
    public enum Risk implements Keyed {
        UNLIKELY,
        RISK,
        HIGH;

        @Override
        public String key() {
            return Keyed.keyOf(this);
        }
    }

    /** GDPR Art. 34(3): when telling the people is not required though the risk is high. */
    public enum Exemption implements Keyed {
        /** (a): the data were made unintelligible to anyone not authorised to see them (encryption). */
        ENCRYPTED,
        /** (b): measures taken since ensure the high risk is no longer likely to materialise. */
        MITIGATED,
        /** (c): telling each person would involve disproportionate effort; a public communication instead. */
        DISPROPORTIONATE_EFFORT;

        @Override
        public String key() {
            return Keyed.keyOf(this);
        }
    }

    public Breach {
        categories = List.copyOf(categories);
        people = List.copyOf(people);
    }

    /**
     * The breach as known on {@code asOf}: a notice dated later had not been given then, so a scenario judged on an
     * earlier date (or {@code check --as-of}) sees the authority and the people as not yet told.
     */
    public Breach knownOn(LocalDate asOf) {
        LocalDate authority = after(authorityNotified, asOf) ? null : authorityNotified;
        LocalDate people = after(peopleNotified, asOf) ? null : peopleNotified;
        LocalDate notice = after(publicNotice, asOf) ? null : publicNotice;
        if (authority == authorityNotified && people == peopleNotified && notice == publicNotice) {
            return this;
        }
        return new Breach(id, discovered, categories, this.people, risk, authority, people, authority == null ? null : delayReasons,
                unauthorisedDisclosure, notice == null && publicNotice != null ? null : exception, notice, span);
    }

    private static boolean after(LocalDate day, LocalDate asOf) {
        return day != null && day.isAfter(asOf);
    }

    @Override
    public FactKind factKind() {
        return FactKind.BREACH;
    }

    @Override
    public String describe() {
        return "breach discovered " + discovered + " of " + String.join(", ", categories) + "; risk " + risk.key()
                + (unauthorisedDisclosure ? "; an unauthorised disclosure" : "")
                + "; authority " + (authorityNotified == null ? "not notified" : "notified " + authorityNotified)
                + "; people " + (peopleNotified == null ? "not notified" : "notified " + peopleNotified)
                + (exception == null ? "" : "; exception claimed: " + exception.key()
                        + (publicNotice == null ? "" : ", public notice " + publicNotice));
    }

    /** True when the breach names this member cohort or group of people who are not members. */
    public boolean affects(People group) {
        return people.contains(group.id());
    }

    /** The last day the authority can be told within 72 hours of awareness, read by dates: the third day after {@code discovered}. */
    public LocalDate authorityDue() {
        return discovered.plusDays(AUTHORITY_HOURS / 24);
    }

    /**
     * True when Art. 33(1) was missed by {@code asOf}: a breach not unlikely to result in a risk, and the authority
     * not told within 72 hours — not yet told once they have passed, or told later without the reasons for the delay
     * the Article requires of a late notice.
     */
    public boolean authorityNoticeMissed(LocalDate asOf) {
        if (risk == Risk.UNLIKELY) {
            return false;
        }
        return authorityNotified == null ? asOf.isAfter(authorityDue())
                : authorityNotified.isAfter(authorityDue()) && delayReasons == null;
    }

    /** The end of the conduct judged: the day the authority was told, or {@code asOf} when it was not. */
    public LocalDate authorityUntoldUntil(LocalDate asOf) {
        return authorityNotified == null ? asOf : authorityNotified;
    }

    /**
     * True when Art. 34(1) was missed by {@code asOf}: a high risk, no Art. 34(3) exception, and the people not told
     * once 72 hours have passed (the pack does not call a delay in telling them undue while the authority's own 72
     * hours run). How soon a notice that was given came is not judged.
     */
    public boolean peopleNoticeMissed(LocalDate asOf) {
        return risk == Risk.HIGH && exception == null && peopleNotified == null && asOf.isAfter(authorityDue());
    }

    /** What a late notice to the authority lacked or how late it came, for messages. */
    public String authorityNoticeState() {
        return authorityNotified == null ? "has not been notified to the supervisory authority"
                : "was notified to the supervisory authority on " + authorityNotified + ", after 72 hours, without reasons for the delay";
    }

    /** The last day individuals may be told under the HBNR: 60 calendar days after discovery. */
    public LocalDate individualsDue() {
        return discovered.plusDays(HBNR_DAYS);
    }

    /** True when individuals were not told within 60 calendar days of discovery (16 C.F.R. § 318.4(a)) by {@code asOf}. */
    public boolean individualsNoticeLate(LocalDate asOf) {
        return peopleNotified == null ? asOf.isAfter(individualsDue()) : peopleNotified.isAfter(individualsDue());
    }

    /** The days of violation past the 60 days: from the 61st day to the day of the notice, or to {@code asOf}. */
    public Period individualsLateDays(LocalDate asOf) {
        return new Period(individualsDue().plusDays(1), peopleNotified == null ? asOf : peopleNotified);
    }

    /** When individuals were told, for messages: "were told on D" or "have not been told". */
    public String individualsNoticeState() {
        return peopleNotified == null ? "have not been told" : "were told on " + peopleNotified;
    }

    /**
     * True when the HBNR reads the breach as a breach of security of unsecured information (§ 318.2): not encrypted
     * (secured information is outside the Rule), and either an acquisition without authorisation or an unauthorised
     * disclosure discovered from 2021-09-15, when the Commission's policy statement first read a disclosure as one.
     */
    public boolean hbnrBreachOfSecurity() {
        return exception != Exemption.ENCRYPTED && (!unauthorisedDisclosure || !discovered.isBefore(DISCLOSURE_READ_AS_BREACH));
    }

    /** What kind of breach, for messages. */
    public String nature() {
        return unauthorisedDisclosure ? "an unauthorised disclosure" : "a breach of security";
    }
}
