package dev.covenant.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One reading of the Stored Communications Act's bar on divulging contents (18 U.S.C. § 2702(a)), for the
 * scenario rule and the record rule alike: who it binds, what it protects, which subsection applies, and
 * which recipients it is divulged to ({@link #divulges}, the § 2702(b) exceptions that turn on the
 * recipient). Lawful consent (§ 2702(b)(3)) is the other exception the rules apply: {@link Consent}.
 */
public final class StoredCommunications {

    /** The data category read as the contents of a communication (§ 2510(8)): members' private messages. */
    public static final String CONTENTS = "user.content.private";

    private StoredCommunications() {
    }

    /** § 2702(a)(1) binds providers of an electronic communication service, (a)(2) of a remote computing service. */
    public static boolean binds(Platform platform) {
        return platform.provides(Service.ELECTRONIC_COMMUNICATION) || platform.provides(Service.REMOTE_COMPUTING);
    }

    /** The subsections of § 2702(a) that bind this platform, as citations, in the statute's order. */
    public static List<String> barsOn(Platform platform) {
        List<String> bars = new ArrayList<>(2);
        if (platform.provides(Service.ELECTRONIC_COMMUNICATION)) {
            bars.add("18 U.S.C. § 2702(a)(1)");
        }
        if (platform.provides(Service.REMOTE_COMPUTING)) {
            bars.add("18 U.S.C. § 2702(a)(2)");
        }
        return bars;
    }

    /**
     * Whether giving contents to this recipient divulges them, § 2702(b) read for who receives them. Not:
     * the platform itself (the provider's own use is no divulging; no recipient at all is the same); the
     * addressee or intended recipient the member chose (§ 2702(b)(1)); a processor that forwards the
     * communication to its destination (§ 2702(b)(4)) or hosts it for the service (§ 2702(b)(5), necessarily
     * incident to rendering the service). Everyone else is divulged to, absent consent: an affiliate or a
     * third party (a separate person, whatever its ties to the provider), the public, and a processor that
     * uses the contents for its own purposes, such as training its own models, which no exception covers.
     * A processor whose purpose is not stated shows no exception.
     */
    public static boolean divulges(Relationship relationship, ProcessorPurpose purpose) {
        if (relationship == null) {
            return false;
        }
        return switch (relationship) {
            case SELF, ADDRESSEE -> false;
            case PROCESSOR -> !ProcessorPurpose.onlyForTheService(purpose);
            case AFFILIATE, THIRD_PARTY, PUBLIC -> true;
        };
    }

    /** {@link #divulges(Relationship, ProcessorPurpose)} for a scenario's recipient. */
    public static boolean divulgesTo(Recipient recipient) {
        return divulges(recipient.relationship(), recipient.purpose());
    }
}
