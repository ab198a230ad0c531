package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Practice;
import dev.covenant.model.Promise;
import java.util.List;

/** Derived: the members a practice reaches in the regions a public statement says are excluded from its use. */
public record ExcludedMembers(Practice practice, Promise statement, List<Cohort> cohorts) implements Derived, MembersCounted {

    public ExcludedMembers {
        cohorts = dev.covenant.model.Fact.inFileOrder(cohorts);
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(cohorts, practice, statement);
    }
}
