package dev.covenant.model;

import dev.covenant.source.SourceSpan;

/**
 * A group of members with one tier and region; {@code joined} is when their data began to be collected; {@code ages}
 * their ages when the scenario states them (null: not stated, read as adults by no rule — rules on children ask).
 */
public record Cohort(String id, String tier, String region, long count, Period joined, Ages ages, SourceSpan span)
        implements People {

    /** A cohort whose ages are not stated. */
    public Cohort(String id, String tier, String region, long count, Period joined, SourceSpan span) {
        this(id, tier, region, count, joined, null, span);
    }

    /** More members than people alive is a mistake in the scenario, and would make exposure arithmetic overflow. */
    public static final long MAX_MEMBERS = 10_000_000_000L;


    @Override
    public FactKind factKind() {
        return FactKind.COHORT;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d %s members in %s, joined %s", count, tier, region, joined)
                + (ages == null ? "" : ", " + ages);
    }

    @Override
    public boolean members() {
        return true;
    }

    @Override
    public boolean inRegion(String container) {
        return Region.within(region, container);
    }

    /** True when the cohort's region is within one of {@code containers}. */
    public boolean inAnyRegion(java.util.Collection<String> containers) {
        return containers.stream().anyMatch(this::inRegion);
    }

    /** True when the cohort's ages are stated and some members are younger than {@code age}. */
    public boolean someYoungerThan(int age) {
        return ages != null && ages.someBelow(age);
    }

    /** True when some of these members had joined (their data was being collected) before {@code day}. */
    public boolean hadMembersBefore(java.time.LocalDate day) {
        return joined.from().isBefore(day);
    }

    /** Orders cohorts by when they joined, then by id, so "the earliest cohort" is always one cohort. */
    public boolean joinedEarlierThan(Cohort other) {
        int byDate = joined.from().compareTo(other.joined.from());
        return byDate < 0 || (byDate == 0 && id.compareTo(other.id) < 0);
    }

    /** True when any cohort among {@code cohorts} (cohorts, or facts that reach one) lies within {@code container}. */
    public static boolean anyIn(java.util.Collection<?> cohorts, String container) {
        return cohorts.stream().map(Cohort::of).anyMatch(c -> c != null && c.inRegion(container));
    }

    /** Members in {@code cohorts} (cohorts, or facts that reach one), counting each cohort once. */
    public static long members(java.util.Collection<?> cohorts) {
        return cohorts.stream().map(Cohort::of).filter(java.util.Objects::nonNull).distinct().mapToLong(Cohort::count).sum();
    }

    /** The cohort a value stands for: itself, or the cohort a Reach fact reaches. */
    static Cohort of(Object value) {
        if (value instanceof Cohort cohort) {
            return cohort;
        }
        return value instanceof ReachesCohort reach ? reach.cohort() : null;
    }

    // The converses below let a rule put a constraint in the pattern it filters, starting from `this`:
    // written from another pattern's variable ($x.f(this)) Drools cannot tell which properties it
    // reads and warns that the pattern falls back to class reactivity.

    /** The converse of {@link Practice#reaches}. */
    public boolean reachedBy(Practice practice, java.time.LocalDate asOf) {
        return practice.reaches(this, asOf);
    }

    /** The converse of {@link Setting#appliesTo}. */
    public boolean shownSetting(Setting setting) {
        return setting.appliesTo(this);
    }

    /** The converse of {@link Promise#coversTier}: the promise covers this cohort's tier. */
    public boolean tierCoveredBy(Promise promise) {
        return promise.coversTier(tier);
    }

    /** The converse of {@link Promise#excludes}. */
    public boolean excludedBy(Promise statement) {
        return statement.excludes(this);
    }
}
