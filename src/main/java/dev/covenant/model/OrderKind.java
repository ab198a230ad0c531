package dev.covenant.model;

/**
 * What kind of order binds the platform: a final order of the Federal Trade Commission (an administrative
 * consent order, enforced by civil penalties under 15 U.S.C. § 45(l)), or a decree of a court (a stipulated
 * order in a federal court action, enforced by contempt of court instead).
 */
public enum OrderKind implements Keyed {
    COMMISSION_ORDER,
    COURT_DECREE;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }
}
