package dev.covenant.model;

/**
 * The ages of a cohort's members, in whole years, when the scenario states them ({@code members[].ages}): what
 * rules on children ask (a consent age under GDPR Art. 8(1), COPPA's under-13s, the UK Children's Code's
 * under-18s). A cohort whose youngest member is below an age holds children of that age; the rules count the
 * whole cohort, since a cohort is the smallest group a scenario counts.
 */
public record Ages(int from, int to) {

    /** The oldest age a scenario may state; anything above is a typing mistake. */
    public static final int MAX = 130;

    /** True when some of the cohort's members are younger than {@code age}. */
    public boolean someBelow(int age) {
        return from < age;
    }

    @Override
    public String toString() {
        return from == to ? "aged " + from : "aged " + from + "-" + to;
    }
}
