package dev.covenant.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One reading of the Stored Communications Act's bar on divulging contents (18 U.S.C. § 2702(a)), for the
 * scenario rule and the record rule alike: who it binds, what it protects, and which subsection applies.
 * The exceptions the rules apply are lawful consent (§ 2702(b)(3), {@link Consent}) and the provider's own
 * use (a recipient that is the platform itself divulges nothing: {@link Relationship#outsidePlatform()}).
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
}
