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

    /**
     * True for a processor that only carries or keeps the data for the service (hosts or delivers): what the
     * SCA's (b)(4)/(b)(5) and COPPA's "support for the internal operations" both turn on. A purpose not
     * stated ({@code null}) shows no such role.
     */
    public static boolean onlyForTheService(ProcessorPurpose purpose) {
        return purpose == HOST || purpose == DELIVER;
    }

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }
}
