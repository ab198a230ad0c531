package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.util.List;

/**
 * A contractual or public commitment. {@code forbids} names uses and categories the platform
 * promised not to combine; {@code excludedRegions} with {@code uses} says where a use is not made;
 * {@code limitsTo} (statements only) says some categories are used only for some uses. {@code retentionDays}
 * (null: none) promises data are kept no longer than that many days from collection, {@code promisesDeletion} that
 * members' data are deleted when they delete their account or ask for it.
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
        Integer retentionDays,
        boolean promisesDeletion,
        SourceSpan span) implements Fact {

    public Promise {
        tiers = List.copyOf(tiers);
        excludedRegions = List.copyOf(excludedRegions);
        uses = List.copyOf(uses);
        java.util.Objects.requireNonNull(limitsTo, "limitsTo (Limitation.NONE for none)");
    }

    /** A promise that says nothing of retention or deletion. */
    public Promise(String id, String source, PromiseKind promiseKind, List<String> tiers, Restriction forbids,
            List<String> excludedRegions, List<String> uses, Limitation limitsTo, Period period, SourceSpan span) {
        this(id, source, promiseKind, tiers, forbids, excludedRegions, uses, limitsTo, period, null, false, span);
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
        if (retentionDays != null) {
            s.append("; keeps data at most ").append(retentionDays).append(" days");
        }
        if (promisesDeletion) {
            s.append("; deletes data on request or account deletion");
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

    /** True for a statement made to members as such (a public statement or a prompt at collection), not contract terms. */
    public boolean isStatement() {
        return promiseKind.isSpecificStatement();
    }

    /** Scenario level: the practice's categories this specific statement binds away from the practice's use ({@link #bindsAway(Practice, String)}). */
    public List<String> boundCategoriesOf(Practice practice) {
        return practice.categories().stream().filter(c -> bindsAway(practice, c)).toList();
    }

    /**
     * Scenario level: the days a practice breaks this specific statement (PUBLIC-PROMISE-BROKEN), or null when it
     * does not. It breaks it when it uses a category the statement binds away from its use ({@link #boundCategoriesOf})
     * on a day the statement is in force — the days the practice and the statement share — or, for a {@code limits_to}
     * statement, when the data it uses were collected, in part, while the statement was in force: data collected
     * under a limit stay bound by it after it is withdrawn, so the breach runs from the later of the practice's start
     * and the statement's to the practice's end. Data collection is read as running from {@code collectedFrom} (the
     * practice's CollectionStart) to the practice's end, both as known on {@code asOf}; a statement withdrawn before
     * any use, of data all collected after it was withdrawn, is not broken. A {@code forbids} statement binds only
     * while in force (a use after its withdrawal of data collected under it is the retroactive-change rules' ground).
     */
    public Period breachPeriod(Practice practice, java.time.LocalDate collectedFrom, java.time.LocalDate asOf) {
        List<String> bound = boundCategoriesOf(practice);
        if (bound.isEmpty()) {
            return null;
        }
        Period use = practice.period().knownBy(asOf);
        Period inForce = period.closedBy(asOf);
        Period breach = use.overlap(inForce);
        boolean limited = bound.stream().anyMatch(c -> limitsTo.bindsAway(practice.use(), c));
        if (limited && collectedFrom != null && use.to() != null && !collectedFrom.isAfter(use.to())
                && new Period(collectedFrom, use.to()).overlaps(inForce)) {
            java.time.LocalDate from = use.from().isAfter(inForce.from()) ? use.from() : inForce.from();
            if (!from.isAfter(use.to())) {
                breach = new Period(from, use.to());
            }
        }
        return breach;
    }

    /** True when {@link #breachPeriod} finds days on which the practice breaks this statement. */
    public boolean brokenBy(Practice practice, java.time.LocalDate collectedFrom, java.time.LocalDate asOf) {
        return breachPeriod(practice, collectedFrom, asOf) != null;
    }

    /**
     * For PUBLIC-PROMISE-BROKEN's message: how the statement reads ("limits phone to account-security", "forbids
     * training of private-messages") and, where the practice ran only after the statement was withdrawn, that the
     * data were collected while it was in force.
     */
    public String breachNote(Practice practice, java.time.LocalDate collectedFrom, java.time.LocalDate asOf) {
        List<String> readings = new java.util.ArrayList<>();
        if (!limitsTo.isNone()) {
            readings.add("limits " + String.join(", ", limitsTo.categories()) + " to " + String.join(", ", limitsTo.uses()));
        }
        if (!forbids.uses().isEmpty() || !forbids.categories().isEmpty()) {
            readings.add("forbids " + (forbids.uses().isEmpty() ? "any use" : String.join(", ", forbids.uses())) + " of "
                    + (forbids.categories().isEmpty() ? "any category" : String.join(", ", forbids.categories())));
        }
        String note = String.join(" and ", readings);
        if (!practice.overlaps(period, asOf) && collectedFrom != null) {
            note += "; the statement ended " + period.to() + ", but the data used were collected from " + collectedFrom
                    + ", while it was in force, and stay bound by it";
        }
        return note;
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
    /** True for a statement to members that promises a retention limit or deletion ({@code retention_days}, {@code promises_deletion}). */
    public boolean promisesRetention() {
        return promiseKind.isSpecificStatement() && (retentionDays != null || promisesDeletion);
    }

    /**
     * The days {@code practice}'s retention made this statement false, while it was in force (closed at {@code asOf}):
     * records older than its {@code retention_days} held (the first records from {@code collectedFrom} past that
     * limit to the last one held), and, with {@code promises_deletion}, the days the practice ran keeping the data of
     * members who delete their accounts. Empty when it says neither or the practice kept its word; data kept under a
     * legal obligation are no breach.
     */
    public List<Period> retentionBreaches(Practice practice, Retention retention, java.time.LocalDate collectedFrom,
            java.time.LocalDate asOf) {
        List<Period> breaches = new java.util.ArrayList<>();
        if (!promisesRetention() || retention.legalHold() || period.from().isAfter(asOf)) {
            return breaches;
        }
        Period inForce = period.knownBy(asOf);
        Integer kept = retention.actualDays();
        if (retentionDays != null && kept != null) {
            Period overstay = Retention.overstay(practice, collectedFrom, retentionDays, kept, asOf);
            Period shared = overstay == null ? null : overstay.overlap(inForce);
            if (shared != null) {
                breaches.add(shared);
            }
        }
        if (promisesDeletion && retention.onAccountDeletion() == AccountDeletion.KEPT) {
            Period shared = practice.period().knownBy(asOf).overlap(inForce);
            if (shared != null) {
                breaches.add(shared);
            }
        }
        return breaches;
    }

    /** What the statement said that the retention belied, in words for messages. */
    public String retentionClaimBrokenBy(Retention retention) {
        List<String> parts = new java.util.ArrayList<>();
        Integer kept = retention.actualDays();
        if (retentionDays != null && kept != null && kept > retentionDays) {
            parts.add("says data are kept at most " + retentionDays + " days, but they are kept " + kept);
        }
        if (promisesDeletion && retention.onAccountDeletion() == AccountDeletion.KEPT) {
            parts.add("says data are deleted when members delete their accounts, but they are kept");
        }
        return String.join("; and ", parts);
    }
}
