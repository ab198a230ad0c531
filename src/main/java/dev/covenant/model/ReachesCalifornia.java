package dev.covenant.model;

import java.util.List;

/** Derived: a practice reaches California members (a cohort within US-CA), where the CCPA and UCL apply. */
public record ReachesCalifornia(Practice practice, Cohort cohort) implements Derived {

    @Override
    public List<Object> basis() {
        return List.of(practice, cohort);
    }
}
