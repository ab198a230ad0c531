package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Practice;
import dev.covenant.model.ReachesCohort;
import java.util.List;

/** Derived: a practice reaches California members (a cohort within US-CA), where the CCPA and UCL apply. */
public record ReachesCalifornia(Practice practice, Cohort cohort) implements Derived, ReachesCohort {

    @Override
    public List<Object> basis() {
        return List.of(practice, cohort);
    }
}
