package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Practice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Derived: the US member cohorts a practice reaches whose stated ages include children under 13 (COPPA's child,
 * 16 C.F.R. § 312.2), all of them together, so that a rule on children's data gives one finding per practice and
 * not one per cohort. Cohorts whose ages are not stated are not among them.
 */
public record ChildrenReached(Practice practice, List<Cohort> cohorts) implements Derived {

    /** COPPA's child is under 13 (15 U.S.C. § 6501(1)). */
    public static final int UNDER = 13;

    public ChildrenReached {
        cohorts = dev.covenant.model.Fact.inFileOrder(cohorts);
    }

    /** The children among the cohorts (or Reach facts) {@code reached} by {@code practice}; null when none. */
    public static ChildrenReached of(Practice practice, Collection<?> reached) {
        List<Cohort> children = new ArrayList<>();
        for (Object value : reached) {
            Cohort cohort = value instanceof Reach reach ? reach.cohort() : (Cohort) value;
            if (cohort.inRegion("US") && cohort.someYoungerThan(UNDER) && !children.contains(cohort)) {
                children.add(cohort);
            }
        }
        return children.isEmpty() ? null : new ChildrenReached(practice, children);
    }

    /** The members of those cohorts, each cohort counted once. */
    public long members() {
        return Cohort.members(cohorts);
    }

    /** In words: "cohort 'pupils-ny' aged 8-12; cohort 'pupils-ca' aged 8-12". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Cohort cohort : cohorts) {
            parts.add("cohort '" + cohort.id() + "' " + cohort.ages());
        }
        return String.join("; ", parts);
    }

    @Override
    public String scope() {
        return "US";
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(cohorts, practice);
    }
}
