package dev.covenant.classify;

import dev.covenant.model.Breach;
import dev.covenant.model.People;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Derived: the people a breach affected within a region — the member cohorts and groups of people who are not members
 * it names — one per region a group lies within ({@link Region#enclosing}), one for {@value Affected#EEA_OR_UK} (the
 * people the GDPR or the UK GDPR protects, for a rule whose citations split between them) and one for
 * {@value Audience#ANYWHERE}, as {@link Affected} is for a practice. A notification duty binds whoever was affected,
 * members or not, so both count.
 */
public record Breached(Breach breach, String region, List<People> groups) implements Derived {

    public Breached {
        groups = dev.covenant.model.Fact.inFileOrder(groups);
    }

    /** The people counted, each group once. */
    public long people() {
        return People.counted(groups);
    }

    /** The affected of {@code breach}, from the cohorts and subjects (of {@code known}) it names. */
    public static List<Breached> of(Breach breach, Collection<? extends People> known) {
        List<People> everyone = new ArrayList<>();
        for (People group : known) {
            if (breach.affects(group) && !everyone.contains(group) && group.count() != 0) {
                everyone.add(group);
            }
        }
        List<Breached> result = new ArrayList<>();
        Affected.byRegion(everyone, false).forEach((region, groups) -> result.add(new Breached(breach, region, groups)));
        return result;
    }

    @Override
    public String scope() {
        return region;
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(groups, breach);
    }
}
