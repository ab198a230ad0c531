package dev.covenant.classify;

import dev.covenant.model.Practice;
import dev.covenant.model.Recipient;
import java.util.List;

/**
 * Derived: the recipients outside the platform to whom a practice divulges the contents of communications,
 * as the Stored Communications Act reads them ({@link dev.covenant.model.StoredCommunications#divulgesTo}: the
 * § 2702(b) exceptions for addressees and for processors that deliver or host are not divulged to).
 */
public record Divulgence(Practice practice, List<Recipient> recipients) implements Derived {

    public Divulgence {
        recipients = dev.covenant.model.Fact.inFileOrder(recipients);
    }

    /** How many recipients are divulged to. */
    public int count() {
        return recipients.size();
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(recipients, practice);
    }
}
