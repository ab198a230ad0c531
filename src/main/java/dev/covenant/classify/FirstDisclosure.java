package dev.covenant.classify;

import dev.covenant.model.Disclosure;
import dev.covenant.model.Practice;
import java.util.List;

/** Derived: the earliest published disclosure of a practice's use for one of its data categories. */
public record FirstDisclosure(Practice practice, String category, Disclosure disclosure) implements Derived {

    @Override
    public List<Object> basis() {
        return List.of(practice, disclosure);
    }
}
