package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Practice;
import dev.covenant.model.Promise;
import java.util.ArrayList;
import java.util.List;

/** Derived: the members a practice reaches in the regions a public statement says are excluded from its use. */
public record ExcludedMembers(Practice practice, Promise statement, List<Cohort> cohorts) implements Derived, MembersCounted {

    public ExcludedMembers {
        cohorts = dev.covenant.model.Fact.inFileOrder(cohorts);
    }

    @Override
    public List<Object> basis() {
        List<Object> basis = new ArrayList<>();
        basis.add(practice);
        basis.add(statement);
        basis.addAll(cohorts);
        return basis;
    }
}
