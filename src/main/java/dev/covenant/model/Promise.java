package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.util.List;

/**
 * A contractual or public commitment. {@code forbids} names uses and categories the platform
 * promised not to combine; {@code excludedRegions} with {@code uses} says where a use is not made.
 */
public record Promise(
        String id,
        String source,
        PromiseKind promiseKind,
        List<String> tiers,
        Restriction forbids,
        List<String> excludedRegions,
        List<String> uses,
        Period period,
        SourceSpan span) implements Fact {

    public Promise {
        tiers = List.copyOf(tiers);
        excludedRegions = List.copyOf(excludedRegions);
        uses = List.copyOf(uses);
    }

    @Override
    public FactKind factKind() {
        return FactKind.PROMISE;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(promiseKind.key() + " \"" + source + "\"");
        if (!tiers.isEmpty()) {
            s.append("; tiers: ").append(String.join(", ", tiers));
        }
        if (!forbids.uses().isEmpty() || !forbids.categories().isEmpty()) {
            s.append("; forbids ").append(String.join(", ", forbids.uses())).append(" of ").append(String.join(", ", forbids.categories()));
        }
        if (!excludedRegions.isEmpty()) {
            s.append("; excludes ").append(String.join(", ", excludedRegions)).append(" from ").append(uses.isEmpty() ? "any use" : String.join(", ", uses));
        }
        return s.append("; in force ").append(period).toString();
    }

    /** True for a contract promise that forbids this practice's use of at least one of its categories. */
    public boolean forbids(Practice practice) {
        return promiseKind == PromiseKind.CONTRACT && !forbiddenCategoriesOf(practice).isEmpty();
    }

    /**
     * The practice's categories that this promise forbids for the practice's use: the use must be
     * among {@code forbids.uses} (none listed: any use) and the category among {@code forbids.categories}
     * (none listed: any category); a promise that lists neither forbids nothing.
     */
    public List<String> forbiddenCategoriesOf(Practice practice) {
        if (forbids.uses().isEmpty() && forbids.categories().isEmpty()) {
            return List.of();
        }
        if (!forbids.uses().isEmpty() && !Taxonomy.withinAny(practice.use(), forbids.uses())) {
            return List.of();
        }
        return practice.categories().stream()
                .filter(c -> forbids.categories().isEmpty() || Taxonomy.withinAny(c, forbids.categories()))
                .toList();
    }

    /** True for a public statement that excludes regions from this practice's use. */
    public boolean excludesUseOf(Practice practice) {
        return promiseKind == PromiseKind.PUBLIC_STATEMENT && !excludedRegions.isEmpty()
                && (uses.isEmpty() || Taxonomy.withinAny(practice.use(), uses));
    }

    /** True when the cohort lives in a region this statement excludes. */
    public boolean excludes(Cohort cohort) {
        return excludedRegions.stream().anyMatch(cohort::inRegion);
    }

    /** No {@code tiers} means the promise is made to every tier. */
    public boolean coversTier(String tier) {
        return tiers.isEmpty() || tiers.contains(tier);
    }

    /**
     * Record level: a contract promise forbids this use of this category for this tier on this day
     * (the same reading as {@link #forbiddenCategoriesOf(Practice)}, for one data item).
     */
    public boolean forbidsUse(String tier, String use, String category, java.time.LocalDate day) {
        if (promiseKind != PromiseKind.CONTRACT || !coversTier(tier) || !period.contains(day)) {
            return false;
        }
        if (forbids.uses().isEmpty() && forbids.categories().isEmpty()) {
            return false;
        }
        return (forbids.uses().isEmpty() || Taxonomy.withinAny(use, forbids.uses()))
                && (forbids.categories().isEmpty() || Taxonomy.withinAny(category, forbids.categories()));
    }

    /** Record level: a public statement in force on this day excludes this region from this use. */
    public boolean excludesUse(String region, String use, java.time.LocalDate day) {
        return promiseKind == PromiseKind.PUBLIC_STATEMENT && period.contains(day)
                && (uses.isEmpty() || Taxonomy.withinAny(use, uses))
                && excludedRegions.stream().anyMatch(r -> Region.within(region, r));
    }
}
