package dev.covenant.classify;

import dev.covenant.model.Cohort;
import java.util.List;

/** A derived fact about some member cohorts: how many members they hold, each cohort counted once. */
public interface MembersCounted {

    List<Cohort> cohorts();

    default long members() {
        return Cohort.members(cohorts());
    }
}
