package dev.covenant.model;

/**
 * One reading of consent, for the scenario rules and the record rules alike. Consent is an act: a member
 * turning on a setting that enables a use, or the express (or parental) consent a practice claims as its
 * legal basis; turning such a setting off withdraws it (GDPR Art. 7(3); the Stored Communications Act's
 * "lawful consent", 18 U.S.C. § 2702(b)(3), is read the same way). Silence — a setting that is on because
 * it defaulted on — is not consent (In re Facebook, FTC 2012; GDPR Art. 4(11)).
 *
 * <p>The per-record predicate, {@link #lawful}, is the primitive; a scenario describes the members a
 * practice reaches, and {@link #givenThrough(Setting, Practice)} says what their setting looks like to it.
 *
 * <p>A claimed consent is consent only if it was obtained as consent must be ({@link #defects}): freely given,
 * specific, informed and unambiguous, by a clear affirmative act (GDPR Art. 4(11), Art. 7; the FTC's
 * "affirmative express consent"). A box ticked in advance (CJEU C-673/17 Planet49), consent bundled with the
 * terms or other purposes (Art. 7(2)), read from continued use (Recital 32), given by an account administrator
 * for other people, not informed or not specific, or made a condition of the service (Art. 7(4)) is not: every
 * rule asking whether a practice rests on consent reads {@link #heldBy}, so no rule takes a "consent" label
 * as consent. A practice without a {@code consent} block is taken at its word.
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
     * Scenario level: the members a practice governed by {@code setting} reaches have it on; they turned it on
     * themselves exactly when the setting existed and its default was off on every day the practice ran (its
     * period as known: the setting's later changes are already dropped), so the practice rests on consent exactly then.
     */
    public static boolean givenThrough(Setting setting, Practice practice) {
        return affirmative(true, setting.optedInThroughout(practice.period()));
    }

    /** The practice claims express or parental consent as its legal basis, without a setting. */
    public static boolean claimedBy(Practice practice) {
        return practice.legalBasis() != null && practice.legalBasis().isExpressConsent();
    }

    /**
     * What was wrong with how a claimed consent was obtained, in words for a message; empty when it is consent
     * (and when the scenario does not say how it was obtained: the stated basis is then taken as given).
     */
    public static java.util.List<String> defects(ConsentGiven given) {
        java.util.List<String> defects = new java.util.ArrayList<>();
        if (given == null) {
            return defects;
        }
        switch (given.obtained()) {
            case PRE_TICKED -> defects.add("obtained with a pre-ticked box");
            case BUNDLED -> defects.add("bundled with the terms or other purposes");
            case IMPLIED -> defects.add("implied from continued use");
            case BY_ACCOUNT_ADMIN -> defects.add("given by an account administrator for other people");
            default -> {
            }
        }
        if (!given.informed()) {
            defects.add("not informed (the person was not told who processes the data and for what)");
        }
        if (!given.specific()) {
            defects.add("not specific to this purpose");
        }
        if (given.conditionOfService()) {
            defects.add("made a condition of the service");
        }
        return defects;
    }

    /** True when the consent was obtained as consent must be, or the scenario does not say how it was obtained. */
    public static boolean valid(ConsentGiven given) {
        return defects(given).isEmpty();
    }

    /** The practice claims express or parental consent, and that consent holds ({@link #valid}). */
    public static boolean heldBy(Practice practice) {
        return claimedBy(practice) && valid(practice.consent());
    }

    /**
     * The practice rests on explicit consent (GDPR Art. 9(2)(a)): consent that holds ({@link #heldBy}) and that the
     * scenario says was affirmed in an express statement ({@code consent.explicit}). Explicit is never presumed: a
     * consent block that does not say so, a practice without one, and a setting members turned on are consent, not
     * explicit consent (EDPB Guidelines 05/2020 on consent, version 1.1, section 4: an express statement of consent, such as a written
     * statement or an electronic form, not an act read as consent).
     */
    public static boolean explicitBy(Practice practice) {
        return heldBy(practice) && practice.consent() != null && practice.consent().explicit();
    }

    /**
     * The practice rests on a parent's consent (GDPR Art. 8(1): given or authorised by the holder of parental
     * responsibility; COPPA, 16 C.F.R. § 312.5): a parental-consent basis whose consent, if described, was validly
     * obtained (by whatever act: how it was verified is Art. 8(2) and § 312.5(b), which no rule weighs), or a consent
     * basis obtained {@code verifiable-parental}.
     */
    public static boolean parentalBy(Practice practice) {
        if (!heldBy(practice)) {
            return false;
        }
        ConsentGiven given = practice.consent();
        boolean parentalBasis = practice.legalBasis().basisKind() == LegalBasis.Kind.PARENTAL_CONSENT;
        return parentalBasis || given != null && given.obtained() == ConsentGiven.Obtained.VERIFIABLE_PARENTAL;
    }

    /**
     * The practice rests on a written release (740 ILCS 14/10, 14/15(b)(3)): a consent basis whose consent block says
     * it was obtained {@code written-release}, and holds ({@link #heldBy}: informed, specific, not a condition of the
     * service). A consent basis that does not say how it was obtained, a setting or a ticked box is no written release:
     * the Act asks for a writing, so it must be stated.
     */
    public static boolean writtenReleaseBy(Practice practice) {
        return heldBy(practice) && practice.consent() != null
                && practice.consent().obtained() == ConsentGiven.Obtained.WRITTEN_RELEASE;
    }
}
