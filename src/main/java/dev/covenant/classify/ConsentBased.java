package dev.covenant.classify;

import dev.covenant.model.Method;
import dev.covenant.model.Practice;
import dev.covenant.model.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * Derived: members gave affirmative express consent to a practice — its legal basis is consent or
 * parental consent obtained as consent must be ({@link dev.covenant.model.Consent#heldBy}), or a setting that
 * defaults off ({@code setting} is then that setting, else null).
 */
public record ConsentBased(Practice practice, Setting setting) implements Derived {

    /** How members withdraw: the practice's own {@code withdrawal}, else the governing setting's opt-out. */
    public Method withdrawalMethod() {
        if (practice.withdrawal() != null) {
            return practice.withdrawal();
        }
        return setting != null && setting.optOut() != null ? setting.optOut().method() : null;
    }

    /** True when the consent is a parent's, verified (GDPR Art. 8(1)-(2)), not the members' own. */
    public boolean byParent() {
        return setting == null && practice.hasParentalConsent();
    }

    @Override
    public List<Object> basis() {
        List<Object> basis = new ArrayList<>();
        basis.add(practice);
        if (setting != null) {
            basis.add(setting);
        }
        return basis;
    }
}
