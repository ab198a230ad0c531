package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Setting;
import java.util.List;

/**
 * Derived: the members shown a setting who joined before it was introduced — people whose data predates
 * the use the setting enables, so a default decides for them (OPT-OUT-DEFAULT).
 */
public record ExistingMembers(Setting setting, List<Cohort> cohorts) implements Derived, MembersCounted {

    public ExistingMembers {
        cohorts = dev.covenant.model.Fact.inFileOrder(cohorts);
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(cohorts, setting);
    }
}
