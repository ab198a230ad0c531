package dev.covenant.model;

/**
 * Who receives data from a practice, relative to the platform. What a processor does with the data is
 * its {@link ProcessorPurpose}; whether a recipient is divulged to under the Stored Communications Act is
 * {@link StoredCommunications#divulges}.
 */
public enum Relationship implements Keyed {
    SELF,
    AFFILIATE,
    /** Acts for the platform; what it does with the data is stated as a {@link ProcessorPurpose}. */
    PROCESSOR,
    THIRD_PARTY,
    /** The addressee or intended recipient the member chose for the communication (a message's recipient). */
    ADDRESSEE,
    /** Anyone: the data is made visible to the public. */
    PUBLIC;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }

    /** Anyone but the platform itself is outside it: affiliates, processors, addressees and the public included. */
    public boolean outsidePlatform() {
        return this != SELF;
    }
}
