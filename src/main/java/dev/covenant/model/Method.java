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

    /** True for ways of withdrawing that take more than the toggle that gave consent (GDPR Art. 7(3)). */
    public boolean harderThanASetting() {
        return this != SETTING;
    }

    /** True for ways of objecting that burden the member: a justification, email, a ticket, or none. */
    public boolean barsObjection() {
        return this == FORM_WITH_JUSTIFICATION || this == EMAIL || this == SUPPORT_TICKET || this == NONE;
    }
}
