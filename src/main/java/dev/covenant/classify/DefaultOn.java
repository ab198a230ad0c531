package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Fact;
import dev.covenant.model.People;
import dev.covenant.model.Period;
import dev.covenant.model.Practice;
import dev.covenant.model.Region;
import dev.covenant.model.Relationship;
import dev.covenant.model.Setting;
import dev.covenant.model.Subject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Derived: one period in which a setting was on by default ({@link Setting#defaultOnPeriods()}, at its introduction
 * or after a change to on), and the people its default decided for in that period, as one of three groups:
 *
 * <ul>
 * <li>{@link Who#EXISTING} — members shown the setting who joined before the period began (their data predates the
 * default, so it switched a new use on for them; OPT-OUT-DEFAULT), with the people who are not members whom the
 * practices it governs touch during the period: they hold no account, never saw the setting, were never asked;
 * outside the EEA and the UK, whose people data protection by default (PRIVACY-BY-DEFAULT) protects;</li>
 * <li>{@link Who#EEA_UK} — every member in the EEA or the UK shown the setting while it was on by default, whenever
 * they joined (data protection by default is owed at sign-up as much as later; PRIVACY-BY-DEFAULT);</li>
 * <li>{@link Who#UK_CHILDREN} — the UK cohorts among those with members under 18 (the ICO Age Appropriate Design
 * Code).</li>
 * </ul>
 *
 * <p>The use is what the setting enables; when practices the setting governs are stated ({@code legal_basis:
 * setting:<id>}), the use is those practices, and a period in which none of them ran decided nothing (the default
 * turned off before the use began). {@code period} is the on-period, closed at as_of, cut to the governed practices'
 * span. {@code publishing} are the governed practices that make content public (a {@code public} recipient).
 */
public record DefaultOn(Setting setting, Period period, Who who, List<Cohort> cohorts, List<Subject> subjects,
        List<Practice> publishing) implements Derived, MembersCounted {

    /** Which people a {@link DefaultOn} counts. */
    public enum Who { EXISTING, EEA_UK, UK_CHILDREN }

    public DefaultOn {
        cohorts = Fact.inFileOrder(cohorts);
        subjects = Fact.inFileOrder(subjects);
        publishing = Fact.inFileOrder(publishing);
    }

    /** The day the default began deciding in this period (the introduction or the change to on). */
    public LocalDate since() {
        return period.from();
    }

    /** Members and people who are not members counted, each group once. */
    public long people() {
        List<Object> all = new ArrayList<>(cohorts);
        all.addAll(subjects);
        return People.counted(all);
    }

    /** People who are not members counted (never asked: they hold no account and saw no setting). */
    public long nonMembers() {
        return People.counted(subjects);
    }

    /**
     * True when the default decided more than the service needs: the setting enables a use not under Fides
     * {@code essential} ({@link Setting#enablesUseNotNeeded()}), or a practice it governs makes content public —
     * never needed, whatever the use (GDPR Art. 25(2): not accessible to an indefinite number of people by default).
     */
    public boolean beyondNeed() {
        return setting.enablesUseNotNeeded() || makesPublic();
    }

    /** True when a practice the setting governs makes content public while the default was on. */
    public boolean makesPublic() {
        return !publishing.isEmpty();
    }

    /** What the default switched on, for messages: the uses it enables, and publication where it makes content public. */
    public String switchedOn() {
        String uses = String.join(", ", setting.enables());
        return makesPublic() ? uses + ", making content public (" + String.join(", ", publishing.stream().map(Practice::id).toList()) + ")" : uses;
    }

    /**
     * The groups {@code setting}'s default decided for, per period it was on, from the facts known on {@code asOf}:
     * {@code cohorts} those shown the setting, {@code practices} those it governs, {@code subjects} every group of
     * people who are not members.
     */
    public static List<DefaultOn> of(Setting setting, Collection<?> cohorts, Collection<?> practices,
            Collection<?> subjects, LocalDate asOf) {
        List<DefaultOn> result = new ArrayList<>();
        List<Practice> governed = practices.stream().map(Practice.class::cast).toList();
        for (Period on : setting.defaultOnPeriods()) {
            Period onSoFar = on.closedBy(asOf);
            List<Practice> used = governed.stream().filter(p -> p.overlaps(onSoFar, asOf)).toList();
            Period period = onSoFar;
            if (!governed.isEmpty()) {
                if (used.isEmpty()) {
                    continue; // the default was on only while nothing it governs ran
                }
                Period span = Period.spanning(used.stream().map(p -> p.periodAsOf(asOf)).toList());
                period = period.overlap(span);
            }
            Period decided = period;
            List<Practice> publishing = used.stream()
                    .filter(p -> p.recipients().stream().anyMatch(r -> r.relationship() == Relationship.PUBLIC)).toList();
            // Where the setting governs practices, only the members one of them reaches had their data used under
            // the default (a practice on US members decides nothing for Germans shown the same setting).
            List<Cohort> shown = cohorts.stream().map(Cohort.class::cast)
                    .filter(c -> c.count() > 0 && (decided.to() == null || !c.joined().from().isAfter(decided.to())))
                    .filter(c -> governed.isEmpty() || used.stream().anyMatch(p -> p.reaches(c, asOf))).toList();
            // EEA and UK people are PRIVACY-BY-DEFAULT's (GDPR Art. 25(2)), so they are not among the existing.
            List<Cohort> existing = shown.stream().filter(c -> c.hadMembersBefore(on.from()) && !inEurope(c)).toList();
            List<Subject> never = subjects.stream().map(Subject.class::cast)
                    .filter(s -> used.stream().anyMatch(p -> p.touches(s, asOf)) && (decided.to() == null || !s.since().isAfter(decided.to())))
                    .filter(s -> !inEurope(s))
                    .toList();
            if (!existing.isEmpty() || !never.isEmpty()) {
                result.add(new DefaultOn(setting, decided, Who.EXISTING, existing, never, publishing));
            }
            List<Cohort> europe = shown.stream().filter(DefaultOn::inEurope).toList();
            if (!europe.isEmpty()) {
                result.add(new DefaultOn(setting, decided, Who.EEA_UK, europe, List.of(), publishing));
            }
            List<Cohort> children = europe.stream().filter(c -> c.inRegion("UK") && c.someYoungerThan(18)).toList();
            if (!children.isEmpty()) {
                result.add(new DefaultOn(setting, decided, Who.UK_CHILDREN, children, List.of(), publishing));
            }
        }
        return result;
    }

    private static boolean inEurope(People people) {
        return people.inRegion("EEA") || people.inRegion("UK");
    }

    /** Whom the default decided for, for messages: the members counted and, when there are any, the people who are not. */
    public String forWhom() {
        String members = String.format(java.util.Locale.ROOT, "%,d members who joined before then", members());
        String others = String.format(java.util.Locale.ROOT, "%,d people who are not members, never asked", nonMembers());
        if (subjects.isEmpty()) {
            return members;
        }
        return cohorts.isEmpty() ? others : members + " and " + others;
    }

    @Override
    public String scope() {
        return who.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", " + period;
    }

    @Override
    public List<Object> basis() {
        List<Object> basis = Derived.basis(cohorts, setting);
        basis.addAll(subjects);
        basis.addAll(publishing);
        return basis;
    }
}
