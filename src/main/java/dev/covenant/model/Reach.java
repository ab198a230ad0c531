package dev.covenant.model;

import java.util.List;

/** Derived: a practice reaches a member cohort (tier, region and time match; see {@link Practice#reaches}). */
public record Reach(Practice practice, Cohort cohort) implements Derived {

    @Override
    public List<Object> basis() {
        return List.of(practice, cohort);
    }
}
