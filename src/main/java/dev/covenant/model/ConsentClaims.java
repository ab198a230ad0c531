package dev.covenant.model;

import java.util.Collection;
import java.util.List;

/**
 * The consent a scenario's practices claim as their legal basis, looked up by a data item's use and
 * category: how a record rule reads {@link Consent#heldBy} for one record (a consent obtained pre-ticked,
 * bundled, implied or by an administrator is no claim). One fact per record session
 * (a join on it costs a method call per record, where matching the practices themselves per record cost
 * an accumulate).
 */
public record ConsentClaims(List<Practice> claiming) {

    public ConsentClaims {
        claiming = List.copyOf(claiming);
    }

    public static ConsentClaims of(Collection<Practice> practices) {
        return new ConsentClaims(practices.stream().filter(Consent::heldBy).toList());
    }

    /** Some practice that handles this use of this category claims express or parental consent. */
    public boolean claimFor(String use, String category) {
        for (Practice p : claiming) {
            if (p.handles(use, category)) {
                return true;
            }
        }
        return false;
    }

    /** Some practice that handles this use of this category rests on verifiable parental consent (COPPA). */
    public boolean parentalClaimFor(String use, String category) {
        for (Practice p : claiming) {
            if (Consent.parentalBy(p) && p.handles(use, category)) {
                return true;
            }
        }
        return false;
    }

    /** Some practice that handles this use of this category rests on a written release (740 ILCS 14/15(b)(3)). */
    public boolean writtenReleaseFor(String use, String category) {
        for (Practice p : claiming) {
            if (Consent.writtenReleaseBy(p) && p.handles(use, category)) {
                return true;
            }
        }
        return false;
    }
}
