package dev.covenant.model;

/**
 * What happens to a practice's data when a member deletes their account: deleted, anonymised (no longer
 * personal data, so nothing is kept that the law asks to erase), or kept.
 */
public enum AccountDeletion implements Keyed {
    DELETED,
    ANONYMISED,
    KEPT;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }
}
