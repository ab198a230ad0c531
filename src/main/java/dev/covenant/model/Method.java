package dev.covenant.model;

/** How members opt out, object or withdraw consent. */
public enum Method implements Keyed {
    SETTING,
    FORM,
    FORM_WITH_JUSTIFICATION,
    EMAIL,
    SUPPORT_TICKET,
    NONE;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }
}
