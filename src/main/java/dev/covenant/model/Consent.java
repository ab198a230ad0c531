package dev.covenant.model;

/**
 * One reading of consent, for the scenario rules and the record rules alike. Consent is an act: a member
 * turning on a setting that enables a use, or the express (or parental) consent a practice claims as its
 * legal basis; turning such a setting off withdraws it (GDPR Art. 7(3); the Stored Communications Act's
 * "lawful consent", 18 U.S.C. § 2702(b)(3), is read the same way). Silence — a setting that is on because
 * it defaulted on — is not consent (In re Facebook, FTC 2012; GDPR Art. 4(11)).
 *
 * <p>The per-record predicate, {@link #lawful}, is the primitive; a scenario describes the members a
 * practice reaches, and {@link #givenThrough(Setting)} says what their setting looks like to it.
 */
public final class Consent {

    private Consent() {
    }

    /** A setting's state for one member counts as consent when it is on by the member's own act. */
    public static boolean affirmative(boolean on, boolean byMember) {
        return on && byMember;
    }

    /** Record level: consent was given (by a setting or a claimed legal basis) and not withdrawn. */
    public static boolean lawful(boolean given, boolean withdrawn) {
        return given && !withdrawn;
    }

    /**
     * Scenario level: the members a practice governed by {@code setting} reaches have it on; they turned
     * it on themselves exactly when it defaults off, so the practice rests on consent exactly then.
     */
    public static boolean givenThrough(Setting setting) {
        return affirmative(true, !setting.defaultOn());
    }

    /** The practice claims express or parental consent as its legal basis, without a setting. */
    public static boolean claimedBy(Practice practice) {
        return practice.legalBasis() != null && practice.legalBasis().isExpressConsent();
    }
}
