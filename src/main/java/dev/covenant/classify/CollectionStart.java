package dev.covenant.classify;

import dev.covenant.model.Fact;
import dev.covenant.model.Practice;
import java.time.LocalDate;
import java.util.List;

/**
 * Derived: the earliest date the data a practice uses was collected — its {@code data_collected_from},
 * or else the {@code joined.from} of the earliest cohort it reaches ({@code source} says which).
 */
public record CollectionStart(Practice practice, LocalDate date, Fact source) implements Derived {

    @Override
    public List<Object> basis() {
        return source == practice ? List.of(practice) : List.of(practice, source);
    }
}
