package dev.covenant.model;

/** Service classes of the Stored Communications Act (18 U.S.C. § 2510(15), § 2711(2)). */
public enum Service implements Keyed {
    ELECTRONIC_COMMUNICATION,
    REMOTE_COMPUTING;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }
}
