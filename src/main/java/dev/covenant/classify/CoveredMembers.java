package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Practice;
import dev.covenant.model.Promise;
import java.util.List;

/**
 * Derived: the members a practice reaches in the tiers a promise covers (a paid tier's contract terms) or a
 * specific statement is made to (a public statement or a prompt at collection that names tiers, or every tier).
 */
public record CoveredMembers(Practice practice, Promise promise, List<Cohort> cohorts) implements Derived, MembersCounted {

    public CoveredMembers {
        cohorts = dev.covenant.model.Fact.inFileOrder(cohorts);
    }

    /** True when some of these members live within {@code region} ({@code US} for the FTC Act): the jurisdiction as a pattern. */
    public boolean reaches(String region) {
        return cohorts.stream().anyMatch(c -> dev.covenant.model.Region.within(c.region(), region));
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(cohorts, practice, promise);
    }
}
