package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.Region;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derived: the platform's members within a region, counted — for an obligation about what the platform
 * published rather than what a practice did (a backdated policy misleads its US members: {@code Members(
 * region == "US" )}). One per region a cohort lies within ({@link Region#enclosing}).
 */
public record Members(String region, List<Cohort> cohorts) implements Derived, MembersCounted {

    public Members {
        cohorts = dev.covenant.model.Fact.inFileOrder(cohorts);
    }

    /** The members of {@code cohorts} per region they lie within. */
    public static List<Members> of(Collection<?> cohorts) {
        Map<String, List<Cohort>> byRegion = new LinkedHashMap<>();
        for (Object value : cohorts) {
            Cohort cohort = (Cohort) value;
            for (String region : Region.enclosing(cohort.region())) {
                byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(cohort);
            }
        }
        List<Members> members = new ArrayList<>();
        byRegion.forEach((region, within) -> members.add(new Members(region, within)));
        return members;
    }

    @Override
    public String scope() {
        return region;
    }

    @Override
    public List<Object> basis() {
        return List.copyOf(cohorts);
    }
}
