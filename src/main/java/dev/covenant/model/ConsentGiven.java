package dev.covenant.model;

import java.time.LocalDate;

/**
 * How the consent a practice claims was obtained ({@code practices[].consent}): the act, when, the wording shown,
 * and whether the person was told who processes the data and for what ({@code informed}), asked for this purpose
 * alone ({@code specific}), and could refuse and still use the service ({@code conditionOfService} false).
 * {@code explicit} says the person affirmed it in an express statement (GDPR Art. 9(2)(a), Art. 49(1)(a)): a written
 * or electronic statement of consent to this processing, not an act from which consent is inferred.
 * Whether that amounts to consent is {@link Consent#valid}'s to say, once, for every rule; whether it is explicit
 * consent is {@link Consent#explicitBy}'s.
 */
public record ConsentGiven(Obtained obtained, LocalDate on, String wording, boolean informed, boolean specific,
        boolean conditionOfService, boolean explicit) {

    /** How the consent was obtained, as a scenario writes it. */
    public enum Obtained implements Keyed {
        /** An affirmative act: an unticked box the person ticked, a switch they turned on. */
        OPT_IN,
        /** A box ticked in advance that the person did not untick (CJEU C-673/17 Planet49). */
        PRE_TICKED,
        /** Asked together with the terms of service or another purpose, one answer for all (GDPR Art. 7(2)). */
        BUNDLED,
        /** Read from continued use, silence or inactivity (GDPR Recital 32). */
        IMPLIED,
        /** An account administrator consented for the people in the account (an employer, a workspace owner). */
        BY_ACCOUNT_ADMIN,
        /** A written release signed by the person (740 ILCS 14/10, 14/15(b)(3)). */
        WRITTEN_RELEASE,
        /** Consent given or authorised by the holder of parental responsibility, verified (GDPR Art. 8(2); 16 C.F.R. § 312.5). */
        VERIFIABLE_PARENTAL;

        @Override
        public String key() {
            return Keyed.keyOf(this);
        }
    }

    /** What was wrong with it, for a message ({@link Consent#defects}); empty when it is consent. */
    public java.util.List<String> defects() {
        return Consent.defects(this);
    }

    @Override
    public String toString() {
        return (explicit ? "explicit, " : "") + obtained.key() + (on == null ? "" : " on " + on);
    }
}
