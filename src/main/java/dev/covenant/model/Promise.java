package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.util.List;

/**
 * A contractual or public commitment. {@code forbids} names uses and categories the platform
 * promised not to combine; {@code excludedRegions} with {@code uses} says where a use is not made;
 * {@code limitsTo} (statements only) says some categories are used only for some uses.
 */
public record Promise(
        String id,
        String source,
        PromiseKind promiseKind,
        List<String> tiers,
        Restriction forbids,
        List<String> excludedRegions,
        List<String> uses,
        Limitation limitsTo,
        Period period,
        SourceSpan span) implements Fact {

    public Promise {
        tiers = List.copyOf(tiers);
        excludedRegions = List.copyOf(excludedRegions);
        uses = List.copyOf(uses);
        java.util.Objects.requireNonNull(limitsTo, "limitsTo (Limitation.NONE for none)");
    }

    /** A promise without {@code limits_to}. */
    public Promise(String id, String source, PromiseKind promiseKind, List<String> tiers, Restriction forbids,
            List<String> excludedRegions, List<String> uses, Period period, SourceSpan span) {
        this(id, source, promiseKind, tiers, forbids, excludedRegions, uses, Limitation.NONE, period, span);
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
        if (!limitsTo.isNone()) {
            s.append("; limits ").append(limitsTo);
        }
        if (!excludedRegions.isEmpty()) {
            s.append("; excludes ").append(String.join(", ", excludedRegions)).append(" from ").append(uses.isEmpty() ? "any use" : String.join(", ", uses));
        }
        return s.append("; in force ").append(period).toString();
    }

    // One reading of each promise: the record-level predicates (one data item, one tier or region, one
    // day) are the primitive; the scenario-level readings below quantify over them, so a practice breaks
    // a promise exactly when some data item it handles would be flagged by the record rules.

    /**
     * Record level: a contract promise in force on {@code day} covers {@code tier} and forbids this use
     * of this category — the use among {@code forbids.uses} (none listed: any use) and the category
     * among {@code forbids.categories} (none listed: any category); a promise that lists neither forbids
     * nothing.
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

    /** Record level: a public statement in force on {@code day} excludes {@code region} from this use. */
    public boolean excludesUse(String region, String use, java.time.LocalDate day) {
        return promiseKind == PromiseKind.PUBLIC_STATEMENT && period.contains(day)
                && (uses.isEmpty() || Taxonomy.withinAny(use, uses))
                && excludedRegions.stream().anyMatch(r -> Region.within(region, r));
    }

    /**
     * Record level: a specific statement (a public statement or a prompt at collection) in force on {@code day}
     * binds {@code category} away from {@code use}: its {@code limits_to} names the category and allows only
     * other uses, or its {@code forbids} covers this use of this category (read as {@link #forbidsUse} reads
     * a contract's). Such a statement controls a generic disclosure of the use elsewhere (principle: a
     * specific statement controls a generic one; FTC Policy Statement on Deception, 1983).
     */
    public boolean bindsAway(String use, String category, java.time.LocalDate day) {
        return period.contains(day) && bindsAway(use, category);
    }

    /** {@link #bindsAway(String, String, java.time.LocalDate)} on some day: the statement's reading, whatever its period. */
    public boolean bindsAway(String use, String category) {
        if (!promiseKind.isSpecificStatement()) {
            return false;
        }
        boolean forbidden = !(forbids.uses().isEmpty() && forbids.categories().isEmpty())
                && (forbids.uses().isEmpty() || Taxonomy.withinAny(use, forbids.uses()))
                && (forbids.categories().isEmpty() || Taxonomy.withinAny(category, forbids.categories()));
        return forbidden || limitsTo.bindsAway(use, category);
    }

    /**
     * Scenario level: a specific statement binding this practice's {@code category} away from its use, made to
     * some tier the practice reaches (no tiers on either side: every tier); when it is in force is the
     * caller's to match against the conduct ({@link #inForceOn}).
     */
    public boolean bindsAway(Practice practice, String category) {
        boolean tier = tiers.isEmpty() || practice.tiers().isEmpty() || practice.tiers().stream().anyMatch(tiers::contains);
        return tier && bindsAway(practice.use(), category);
    }

    public boolean inForceOn(java.time.LocalDate day) {
        return period.contains(day);
    }

    /** True for a contract promise that forbids this practice's use of at least one of its categories. */
    public boolean forbids(Practice practice) {
        return !forbiddenCategoriesOf(practice).isEmpty();
    }

    /**
     * Scenario level: the practice's categories that {@link #forbidsUse} forbids for the practice's use,
     * for some tier the promise covers on some day it is in force (which tiers and days the practice
     * reaches, the rule matches separately: Reach, overlap).
     */
    public List<String> forbiddenCategoriesOf(Practice practice) {
        String someCoveredTier = tiers.isEmpty() ? "" : tiers.get(0);
        return practice.categories().stream()
                .filter(c -> forbidsUse(someCoveredTier, practice.use(), c, period.from()))
                .toList();
    }

    /** Scenario level: a public statement that, on some day it is in force, excludes some region from this practice's use. */
    public boolean excludesUseOf(Practice practice) {
        return excludedRegions.stream().anyMatch(r -> excludesUse(r, practice.use(), period.from()));
    }

    /** The region half of {@link #excludesUse}: the cohort lives in a region this statement excludes. */
    public boolean excludes(Cohort cohort) {
        return excludedRegions.stream().anyMatch(cohort::inRegion);
    }

    /** No {@code tiers} means the promise is made to every tier. */
    public boolean coversTier(String tier) {
        return tiers.isEmpty() || tiers.contains(tier);
    }
}
