package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.NoticeExemption;
import dev.covenant.model.People;
import dev.covenant.model.Practice;
import dev.covenant.model.Region;
import dev.covenant.model.Subject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Derived: a group of people in the EU/EEA or the UK whose data a practice uses, and by when the GDPR asks that
 * they be told of it ({@code due}), with when they were told ({@code toldOn}, null: never).
 *
 * <p>Data obtained from the people themselves ({@code fromThemselves}: members, and subjects whose source is
 * {@code directly}) are told at the time they are obtained (Art. 13(1)), or before a further processing for a
 * new purpose (Art. 13(3)): due the later of the practice's start and when the group's data began to be
 * obtained. Members are told by what the platform publishes, so they count as told on that day when a notice
 * counts then; subjects hold no account and are told only by the notice the scenario says they were given
 * ({@code subjects[].informed}).
 *
 * <p>Data not obtained from them (subjects whose data came from members, the public web or a third party) are
 * told within a reasonable period and at the latest one month after they were obtained, or when first disclosed
 * to a recipient if that is sooner (Art. 14(3)(a), (c)); a practice begun later, a further processing for a new
 * purpose, is due before it begins (Art. 14(4)). {@code exemption} is an Art. 14(5)(b) claim, for them only.
 */
public record NoticeDue(Practice practice, People people, boolean fromThemselves, LocalDate obtained, LocalDate due,
        LocalDate toldOn, String dueBy, NoticeExemption exemption) implements Derived {

    /** True for people where the GDPR or the UK GDPR protects them: the EU, the EEA, the United Kingdom. */
    public static boolean protectedByGdpr(People people) {
        return Region.inEea(people.region()) || Region.within(people.region(), "UK");
    }

    /** The notice due to a member cohort a practice reaches (Art. 13): told by what is published. */
    public static NoticeDue of(Practice practice, Cohort cohort) {
        LocalDate obtained = cohort.joined().from();
        LocalDate due = later(practice.started(), obtained);
        if (due.isBefore(GDPR_APPLIES)) {
            return new NoticeDue(practice, cohort, true, obtained, GDPR_APPLIES, GDPR_APPLIES, beforeTheGdpr(obtained), null);
        }
        return new NoticeDue(practice, cohort, true, obtained, due, due, dueBy(practice, obtained, due), null);
    }

    /**
     * The GDPR applies from 2018-05-25 (Art. 99(2)); the UK applied it from then too. Data obtained, or a purpose
     * begun, before then owed no Art. 13 or 14 notice at the time, so what was owed is judged from that day: people
     * still processed then must have been told by it (the pack does not weigh the transitional reading of recital 171).
     */
    static final LocalDate GDPR_APPLIES = LocalDate.of(2018, 5, 25);

    private static String beforeTheGdpr(LocalDate obtained) {
        return "by " + GDPR_APPLIES + ", when the GDPR began to apply (their data obtained since " + obtained + ")";
    }

    /** The notice due to a group of people who are not members (Art. 13 or Art. 14, by where their data came from). */
    public static NoticeDue of(Practice practice, Subject subject) {
        LocalDate obtained = subject.since();
        LocalDate told = subject.informed() == null ? null : subject.informed().sent();
        if (subject.source().fromThemselves()) {
            LocalDate due = later(practice.started(), obtained);
            if (due.isBefore(GDPR_APPLIES)) {
                return new NoticeDue(practice, subject, true, obtained, GDPR_APPLIES, told, beforeTheGdpr(obtained), null);
            }
            return new NoticeDue(practice, subject, true, obtained, due, told, dueBy(practice, obtained, due), null);
        }
        LocalDate month = obtained.plusMonths(1);
        boolean disclosed = practice.recipients().stream().anyMatch(r -> r.outsidePlatform());
        LocalDate firstDisclosure = later(practice.started(), obtained);
        LocalDate deadline = disclosed && firstDisclosure.isBefore(month) ? firstDisclosure : month;
        LocalDate due = later(practice.started(), deadline);
        if (due.isBefore(GDPR_APPLIES)) {
            return new NoticeDue(practice, subject, false, obtained, GDPR_APPLIES, told, beforeTheGdpr(obtained), subject.exemption());
        }
        String by = practice.started().isAfter(deadline) ? newPurpose(obtained, due)
                : deadline.equals(month) ? "within one month of obtaining their data (by " + due + ")"
                : "when their data were first disclosed to a recipient (" + due + ")";
        return new NoticeDue(practice, subject, false, obtained, due, told, by, subject.exemption());
    }

    private static String dueBy(Practice practice, LocalDate obtained, LocalDate due) {
        return practice.started().isAfter(obtained) ? newPurpose(obtained, due) : "when their data were obtained (from " + due + ")";
    }

    private static String newPurpose(LocalDate obtained, LocalDate due) {
        return "before the practice began on " + due + " (a new purpose for data obtained since " + obtained + ")";
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** True when an Art. 14(5)(b) exemption is claimed with the measures taken instead. */
    public boolean exempted() {
        return exemption != null && !exemption.measures().isBlank();
    }

    /** Who they are, for messages: "12,000 members in DE" or "40,000 people who are not members in FR (public-web)". */
    public String whom() {
        return String.format(java.util.Locale.ROOT, "%,d %s in %s", people.count(),
                people.members() ? "members" : "people who are not members", people.region())
                + (people instanceof Subject s ? " (" + switch (s.source()) {
                    case DIRECTLY -> "data obtained from them";
                    case MEMBERS -> "data provided by members";
                    case PUBLIC_WEB -> "data from the public web";
                    case THIRD_PARTY -> "data from a third party";
                } + ")" : "");
    }

    /**
     * For a finding's message: how they went untold, given the disclosures of the purpose alone ({@link FirstDisclosure}
     * facts) — "never told", "told on 2024-05-02, after …", and what the notice that tells the purpose leaves out.
     */
    public String untold(Collection<?> purposeOnly) {
        String told;
        if (toldOn == null) {
            told = people.members() ? "no notice published by then tells it in full" : "they were never told";
        } else if (toldOn.isAfter(due)) {
            told = "they were told only on " + toldOn;
        } else {
            told = people.members() ? "no notice published by then tells it in full" : "the notice they were given on " + toldOn + " does not tell it in full";
        }
        List<String> gaps = new ArrayList<>();
        for (Object o : purposeOnly) {
            FirstDisclosure first = (FirstDisclosure) o;
            List<String> missing = first.disclosure().missingFor(practice);
            gaps.add(first.disclosure().documentId() + "@" + first.disclosure().version() + " (published "
                    + first.disclosure().published() + ") tells the purpose"
                    + (missing.isEmpty() ? ", basis and recipients" : " but not " + String.join(" or ", missing))
                    + (first.controlled() ? first.controlNote() : ""));
        }
        return told + (gaps.isEmpty() ? "; no document tells the purpose" : "; " + String.join("; ", gaps));
    }

    @Override
    public List<Object> basis() {
        return List.of(practice, people);
    }
}
