package dev.covenant.model;

/**
 * Where the data of people who are not members came from, which decides when they must be told (GDPR
 * Art. 13 when obtained from them, Art. 14 otherwise).
 */
public enum SubjectSource implements Keyed {
    /** From the people themselves (a meeting participant recorded, a visitor's form). */
    DIRECTLY,
    /** Provided by members (people pictured in uploads, contacts a member imported). */
    MEMBERS,
    /** Collected from the public web (scraped pages). */
    PUBLIC_WEB,
    /** Received from another organisation (a data broker, a partner). */
    THIRD_PARTY;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }

    /** True when the data were obtained from the people themselves (Art. 13 rather than Art. 14). */
    public boolean fromThemselves() {
        return this == DIRECTLY;
    }
}
