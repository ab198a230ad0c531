package dev.covenant.classify;

import dev.covenant.model.ContractNecessity;
import dev.covenant.model.Practice;
import java.util.List;

/**
 * Derived: a practice stands on no lawful basis as GDPR Art. 6(1) reads it — it states none, or it rests on a
 * contract for a use no contract needs ({@link ContractNecessity}). A setting that defaults on is an opt-out, read
 * as legitimate interest (see {@link dev.covenant.model.LegalGround}), so it is a basis here, whatever else is owed.
 */
public record MissingBasis(Practice practice) implements Derived {

    /** True when {@code practice} stands on no lawful basis. */
    public static boolean of(Practice practice) {
        if (practice.legalBasis() == null) {
            return true;
        }
        return practice.legalBasis().basisKind() == dev.covenant.model.LegalBasis.Kind.CONTRACT
                && ContractNecessity.notNecessary(practice.use());
    }

    /** What is missing, for the message. */
    public String reason() {
        if (practice.legalBasis() == null) {
            return "states no legal basis";
        }
        return "rests on contract (Art. 6(1)(b)), but " + ContractNecessity.why(practice.use());
    }

    @Override
    public List<Object> basis() {
        return List.of(practice);
    }
}
