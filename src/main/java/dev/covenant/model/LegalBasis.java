package dev.covenant.model;

/** The legal basis a practice claims; {@code SETTING} names the setting that governs it. */
public record LegalBasis(Kind basisKind, String settingId) {

    /** Kinds of legal basis as written in scenarios. */
    public enum Kind implements Keyed {
        CONSENT,
        PARENTAL_CONSENT,
        LEGITIMATE_INTEREST,
        CONTRACT,
        SETTING;

        @Override
        public String key() {
            return Keyed.keyOf(this);
        }
    }

    public boolean isSetting() {
        return basisKind == Kind.SETTING;
    }

    /** Consent given by acting, before any setting is considered (see {@code ConsentBased}). */
    public boolean isExpressConsent() {
        return basisKind == Kind.CONSENT || basisKind == Kind.PARENTAL_CONSENT;
    }

    @Override
    public String toString() {
        return isSetting() ? "setting:" + settingId : basisKind.key();
    }
}
