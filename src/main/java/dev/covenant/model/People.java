package dev.covenant.model;

/**
 * A group of people whose data a practice can touch, counted and placed: a {@link Cohort} of members or a
 * {@link Subject} group of people who are not members. Findings take their regions and their exposure from
 * the groups in their evidence, whichever kind they are (principle: only the people whose data the practice
 * touches count, and all of them do).
 */
public interface People extends Fact {

    String region();

    long count();

    /** True for account holders: only they can see a setting, opt out or consent. */
    boolean members();

    default boolean inRegion(String container) {
        return Region.within(region(), container);
    }

    /** The converse of {@link Breach#affects}, for rules that filter the people a breach names. */
    default boolean affectedBy(Breach breach) {
        return breach.affects(this);
    }

    /** People in {@code groups} (groups, or facts that reach one), counting each group once. */
    static long counted(java.util.Collection<?> groups) {
        return groups.stream().map(People::of).filter(java.util.Objects::nonNull).distinct().mapToLong(People::count).sum();
    }

    /** The group a value stands for: itself, or the cohort a Reach fact reaches. */
    static People of(Object value) {
        if (value instanceof People people) {
            return people;
        }
        return value instanceof ReachesCohort reach ? reach.cohort() : null;
    }
}
