package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Practice;
import dev.covenant.model.ReachesCohort;
import java.util.List;

/** Derived: a practice reaches a member cohort (tier, region and time match; see {@link Practice#reaches}). */
public record Reach(Practice practice, Cohort cohort) implements Derived, ReachesCohort {

    @Override
    public List<Object> basis() {
        return List.of(practice, cohort);
    }
}
