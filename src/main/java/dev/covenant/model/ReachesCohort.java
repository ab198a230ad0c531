package dev.covenant.model;

/**
 * A derived fact that stands for a member cohort it reaches (see {@code dev.covenant.classify}), so that
 * counting members over a rule's matches needs no knowledge of the classification's own types.
 */
public interface ReachesCohort {

    Cohort cohort();
}
