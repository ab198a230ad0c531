package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Practice;
import dev.covenant.model.Region;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derived: the members a practice reaches within a region, counted — what an obligation asks of the people a
 * practice reaches without re-aggregating {@link Reach} facts: {@code Audience( practice == $practice, region ==
 * "US" )}. There is one per practice and region a reached cohort lies within ({@link Region#enclosing}: a cohort
 * in US-CA counts in US-CA and in US), and one for region {@value #ANYWHERE}, every member reached, for a rule
 * whose citations decide by themselves whose law applies (each is scoped to its region).
 */
public record Audience(Practice practice, String region, List<Cohort> cohorts) implements Derived, MembersCounted {

    /** The region of the audience that is every member a practice reaches. */
    public static final String ANYWHERE = "anywhere";

    public Audience {
        cohorts = dev.covenant.model.Fact.inFileOrder(cohorts);
    }

    /** The audiences of {@code practice} that reaches {@code reached}: one per region they lie within, and anywhere. */
    public static List<Audience> of(Practice practice, Collection<?> reached) {
        Map<String, List<Cohort>> byRegion = new LinkedHashMap<>();
        List<Cohort> everyone = new ArrayList<>();
        for (Object value : reached) {
            Cohort cohort = value instanceof Reach reach ? reach.cohort() : (Cohort) value;
            if (everyone.contains(cohort)) {
                continue;
            }
            everyone.add(cohort);
            for (String region : Region.enclosing(cohort.region())) {
                byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(cohort);
            }
        }
        List<Audience> audiences = new ArrayList<>();
        byRegion.forEach((region, cohorts) -> audiences.add(new Audience(practice, region, cohorts)));
        if (!everyone.isEmpty()) {
            audiences.add(new Audience(practice, ANYWHERE, everyone));
        }
        return audiences;
    }

    @Override
    public String scope() {
        return region;
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(cohorts, practice);
    }
}
