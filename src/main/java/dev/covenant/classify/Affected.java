package dev.covenant.classify;

import dev.covenant.model.People;
import dev.covenant.model.Practice;
import dev.covenant.model.Region;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derived: everyone whose data a practice touches within a region — the member cohorts it reaches ({@link Reach})
 * and the groups of people who are not members it names ({@link dev.covenant.model.Subject}) — for an obligation
 * that binds whoever the people are (a lawful basis is owed to both). One per region a group lies within
 * ({@link Region#enclosing}) and one for {@value Audience#ANYWHERE}, like {@link Audience}, and
 * one for {@value #EEA_OR_UK}: the people the GDPR or the UK GDPR protects, for a rule whose citations split
 * between the two by themselves, so that people elsewhere stay out of its evidence and its counts.
 */
public record Affected(Practice practice, String region, List<People> groups) implements Derived {

    /** The region of the affected in the EEA or the UK, together. */
    public static final String EEA_OR_UK = "EEA or UK";

    /**
     * The members alone among them: only account holders can have been asked for consent (a box ticked or not), so
     * a rule on how consent was obtained counts them and not the people who are not members the practice touches.
     */
    public static final String MEMBERS_IN_EEA_OR_UK = "members in the EEA or UK";

    public Affected {
        groups = dev.covenant.model.Fact.inFileOrder(groups);
    }

    /** The people counted, each group once. */
    public long people() {
        return People.counted(groups);
    }

    /** The affected of {@code practice}, from the cohorts it reaches (or Reach facts) and the subjects it touches. */
    public static List<Affected> of(Practice practice, Collection<?> reached, Collection<?> touched) {
        List<People> everyone = new ArrayList<>();
        List<Object> all = new ArrayList<>(reached);
        all.addAll(touched);
        for (Object value : all) {
            People group = People.of(value);
            if (group != null && !everyone.contains(group)) {
                everyone.add(group);
            }
        }
        List<Affected> result = new ArrayList<>();
        byRegion(everyone, true).forEach((region, groups) -> result.add(new Affected(practice, region, groups)));
        return result;
    }

    /**
     * {@code everyone} grouped by each region that encloses them, plus {@link #EEA_OR_UK} (and, when
     * {@code membersGroup}, {@link #MEMBERS_IN_EEA_OR_UK}) and {@link Audience#ANYWHERE} for all of them: the one
     * grouping of people by jurisdiction that the derived facts counting people share.
     */
    public static Map<String, List<People>> byRegion(List<People> everyone, boolean membersGroup) {
        Map<String, List<People>> byRegion = new LinkedHashMap<>();
        for (People group : everyone) {
            for (String region : Region.enclosing(group.region())) {
                byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(group);
            }
            if (group.inRegion("EEA") || group.inRegion("UK")) {
                byRegion.computeIfAbsent(EEA_OR_UK, r -> new ArrayList<>()).add(group);
                if (membersGroup && group.members()) {
                    byRegion.computeIfAbsent(MEMBERS_IN_EEA_OR_UK, r -> new ArrayList<>()).add(group);
                }
            }
        }
        if (!everyone.isEmpty()) {
            byRegion.put(Audience.ANYWHERE, List.copyOf(everyone));
        }
        return byRegion;
    }

    @Override
    public String scope() {
        return region;
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(groups, practice);
    }
}
