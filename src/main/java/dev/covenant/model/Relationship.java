package dev.covenant.model;

/** Who receives data from a practice, relative to the platform. */
public enum Relationship implements Keyed {
    SELF,
    AFFILIATE,
    PROCESSOR,
    THIRD_PARTY;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }

    /** Anyone but the platform itself is outside it, affiliates included (SCA § 2702). */
    public boolean outsidePlatform() {
        return this != SELF;
    }
}
