package dev.covenant.classify;

import dev.covenant.model.People;
import dev.covenant.model.Practice;
import java.util.List;

/**
 * Derived: of the people a practice that captures communications affects within a region ({@link Affected}), those
 * who did not consent to the capture ({@link dev.covenant.model.Interception#withoutConsentOf}). A party who
 * consented is not injured by the capture (Cal. Penal Code § 637.2(a) gives the action to a person injured by a
 * violation), so the interception rules count, and put a price on, only the others. None when everyone consented,
 * or when one side consented and the scenario names no one on the other.
 */
public record InterceptedWithoutConsent(Practice practice, String region, List<People> groups) implements Derived {

    public InterceptedWithoutConsent {
        groups = dev.covenant.model.Fact.inFileOrder(groups);
    }

    /** The people counted, each group once. */
    public long people() {
        return People.counted(groups);
    }

    /** The non-consenting among {@code affected}, or null when there are none. */
    public static InterceptedWithoutConsent of(Affected affected) {
        if (!affected.practice().intercepts()) {
            return null;
        }
        List<People> without = affected.groups().stream()
                .filter(g -> affected.practice().interception().withoutConsentOf(g)).toList();
        return without.isEmpty() ? null : new InterceptedWithoutConsent(affected.practice(), affected.region(), without);
    }

    @Override
    public String scope() {
        return region;
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(groups, practice);
    }
}
