package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Practice;
import dev.covenant.model.Setting;
import java.util.List;

/** Derived: the members a practice reaches who were shown the setting that governs it. */
public record ShownSetting(Practice practice, Setting setting, List<Cohort> cohorts) implements Derived, MembersCounted {

    public ShownSetting {
        cohorts = dev.covenant.model.Fact.inFileOrder(cohorts);
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(cohorts, practice, setting);
    }
}
