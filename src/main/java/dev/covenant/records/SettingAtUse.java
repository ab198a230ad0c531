package dev.covenant.records;

import java.time.LocalDate;

/**
 * A setting's value for one member on a use date.
 *
 * @param on         the value in force
 * @param byMember   true when the member chose it (a change before the use date); false when it is the default
 * @param changedOn  the date of that change, or null for the default
 * @param changedOnUseDate true when the member also changed the setting on the use date itself: not
 *                   counted ({@code on} is the value before that day began), since a use dated by its
 *                   day cannot be ordered against it, but a message must not say the member never acted
 */
public record SettingAtUse(String settingId, boolean on, boolean byMember, LocalDate changedOn, boolean defaultOn,
        LocalDate introduced, boolean changedOnUseDate) {

    /** A setting's state with no change by the member on the use date. */
    public SettingAtUse(String settingId, boolean on, boolean byMember, LocalDate changedOn, boolean defaultOn, LocalDate introduced) {
        this(settingId, on, byMember, changedOn, defaultOn, introduced, false);
    }

    /** The member turned the setting off before the use. */
    public boolean optedOut() {
        return byMember && !on;
    }

    /** On by the member's own act: consent to the uses it enables ({@link dev.covenant.model.Consent}). */
    public boolean affirmative() {
        return dev.covenant.model.Consent.affirmative(on, byMember);
    }

    /** On only because it defaulted on and the member had not changed it before the use date: no affirmative consent. */
    public boolean onByDefault() {
        return on && !byMember && defaultOn;
    }
}
