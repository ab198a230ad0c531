package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Practice;
import dev.covenant.model.Promise;
import java.util.List;

/** Derived: the members a practice reaches in the tiers a promise covers (a paid tier's contract terms). */
public record CoveredMembers(Practice practice, Promise promise, List<Cohort> cohorts) implements Derived, MembersCounted {

    public CoveredMembers {
        cohorts = dev.covenant.model.Fact.inFileOrder(cohorts);
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(cohorts, practice, promise);
    }
}
