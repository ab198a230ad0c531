package dev.covenant.classify;

import dev.covenant.model.Practice;
import dev.covenant.model.Sensitive;
import java.time.LocalDate;
import java.util.List;

/**
 * Derived: the categories of a practice that one legal definition of sensitive data lists ({@link Sensitive}), read
 * for the practice's conduct (its span closed at {@code as_of}: a key a definition lists from a date counts when the
 * conduct reached it). One per definition that lists some category of the practice; none when it lists none.
 */
public record SensitiveData(Practice practice, Sensitive definition, List<String> categories) implements Derived {

    public SensitiveData {
        categories = List.copyOf(categories);
    }

    /** The facts for {@code practice}, one per definition listing some of its categories for conduct up to {@code lastDay}. */
    public static List<SensitiveData> of(Practice practice, LocalDate lastDay) {
        // A planned practice has no last day yet: read the definitions as they stand.
        LocalDate day = lastDay == null ? LocalDate.MAX : lastDay;
        return java.util.Arrays.stream(Sensitive.values())
                .map(d -> new SensitiveData(practice, d, d.amongOn(practice.categories(), day)))
                .filter(s -> !s.categories().isEmpty())
                .toList();
    }

    /** What the definition calls such data, for messages. */
    public String term() {
        return definition.term();
    }

    @Override
    public String scope() {
        return definition.column();
    }

    @Override
    public List<Object> basis() {
        return List.of(practice);
    }
}
