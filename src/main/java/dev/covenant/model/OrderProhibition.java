package dev.covenant.model;

/**
 * Conduct an order forbids, as FTC privacy orders commonly word it: misrepresenting the extent to which the
 * platform maintains the privacy or the security of covered information, and sharing information beyond what
 * members' privacy settings allow without their affirmative express consent.
 */
public enum OrderProhibition implements Keyed {
    MISREPRESENTING_PRIVACY,
    MISREPRESENTING_SECURITY,
    SHARING_BEYOND_SETTINGS;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }
}
