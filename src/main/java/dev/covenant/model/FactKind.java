package dev.covenant.model;

/**
 * The kinds of scenario fact: each has a stable key — the scenario key it is written under — and a
 * label that reports print. Identity (evidence deduplication, fingerprints) uses the key, so a label
 * can be reworded without breaking a baseline.
 */
public enum FactKind {
    PLATFORM("platform", "platform"),
    COHORT("cohort", "member cohort"),
    SUBJECT("subject", "people who are not members"),
    PROMISE("promise", "promise"),
    DOCUMENT("document", "document"),
    VERSION("version", "document version"),
    CAPTURE("capture", "capture"),
    DISCLOSURE("disclosure", "disclosure"),
    SETTING("setting", "setting"),
    PRACTICE("practice", "practice"),
    RECIPIENT("recipient", "recipient"),
    MODEL("model", "model"),
    ORDER("order", "order"),
    RETENTION("retention", "retention"),
    DELETION_REQUEST("deletion_request", "deletion requests"),
    BIOMETRIC_SCHEDULE("biometric-schedule", "biometric retention schedule"),
    BREACH("breach", "breach");

    private final String key;
    private final String label;

    FactKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Stable: never reworded (see {@link dev.covenant.finding.Fingerprint} for what it is hashed as). */
    public String key() {
        return key;
    }

    /** How reports name the kind ("member cohort"); free to change. */
    public String label() {
        return label;
    }
}
