package dev.covenant.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a practice rests on as the law reads it, which is what a basis-scoped citation asks ({@code [EEA basis
 * consent] GDPR Art. 7(3)}). A scenario's {@code legal_basis} names a kind; a setting is read through
 * {@link Consent}: one that defaults off rests the practice on the consent of the members who turned it on,
 * one that defaults on rests it on their not objecting — an {@code opt-out}, which is how a controller relying
 * on legitimate interest offers the objection of GDPR Art. 21(1), and never consent (GDPR Art. 4(11); In re
 * Facebook, FTC 2012). A practice that states no basis is {@code unstated}.
 *
 * <p>A ground is the basis a practice claims, which is what a basis-scoped provision governs: GDPR Art. 7 sets
 * the conditions for processing "based on consent", so a consent claimed but not obtained as consent must be
 * (pre-ticked, bundled ... {@link Consent#defects}) is still {@code consent} here, and is judged against those
 * conditions (GDPR-INVALID-CONSENT); whether it holds is {@link Consent#heldBy}'s, which every rule asking
 * "does this practice rest on consent?" reads.
 */
public enum LegalGround implements Keyed {
    CONSENT,
    LEGITIMATE_INTEREST,
    CONTRACT,
    OPT_OUT,
    UNSTATED;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }

    public static Optional<LegalGround> parse(String key) {
        return Arrays.stream(values()).filter(g -> g.key().equals(key)).findFirst();
    }

    /** The keys, as a rule author writes them after {@code basis}. */
    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(LegalGround::key).toList());
    }

    /** The ground of {@code practice}; {@code settings} finds the setting a {@code setting:<id>} basis names (null if none). */
    public static LegalGround of(Practice practice, Function<String, Setting> settings) {
        LegalBasis basis = practice.legalBasis();
        if (basis == null) {
            return UNSTATED;
        }
        return switch (basis.basisKind()) {
            // Claimed, valid or not (Consent.claimedBy): Art. 7's conditions govern the claim.
            case CONSENT, PARENTAL_CONSENT -> CONSENT;
            case LEGITIMATE_INTEREST -> LEGITIMATE_INTEREST;
            case CONTRACT -> CONTRACT;
            case SETTING -> {
                Setting setting = settings.apply(basis.settingId());
                yield setting == null ? UNSTATED : (Consent.givenThrough(setting, practice) ? CONSENT : OPT_OUT);
            }
        };
    }

    /** Record level: a setting's ground from whether it defaults on (the record carries no Setting). */
    public static LegalGround ofSettingDefault(boolean defaultOn) {
        // Members reached with the setting on turned it on themselves exactly when it defaults off.
        return Consent.affirmative(true, !defaultOn) ? CONSENT : OPT_OUT;
    }
}
