package dev.covenant.model;

/**
 * What an order requires of the platform: a comprehensive privacy (or security) program, affirmative express
 * consent before some changes, independent assessments. Stated as facts; no rule reads them yet.
 */
public enum OrderRequirement implements Keyed {
    PRIVACY_PROGRAM,
    SECURITY_PROGRAM,
    AFFIRMATIVE_EXPRESS_CONSENT,
    INDEPENDENT_ASSESSMENTS;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }
}
