package dev.covenant.model;

/**
 * What a processor does with the data it receives: the fact the Stored Communications Act's exceptions for
 * those who carry or host a communication for the provider (18 U.S.C. § 2702(b)(4), (b)(5)) turn on.
 */
public enum ProcessorPurpose implements Keyed {
    /** Stores or runs the service's data for it (cloud hosting, backup). */
    HOST,
    /** Forwards communications to their destination for the service (a mail relay, a CDN delivering a file). */
    DELIVER,
    /** Uses the data for its own ends, such as training its own models: no longer acting only for the service. */
    OWN_USE;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }
}
