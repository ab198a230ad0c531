package dev.covenant.classify;

import dev.covenant.model.Practice;
import dev.covenant.model.Recipient;
import java.util.List;

/** Derived: a practice gives data to a recipient outside the platform (anyone but {@code self}). */
public record OutsideRecipient(Practice practice, Recipient recipient) implements Derived {

    @Override
    public List<Object> basis() {
        return List.of(practice, recipient);
    }
}
