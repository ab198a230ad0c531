package dev.covenant.classify;

import dev.covenant.model.Cohort;
import dev.covenant.model.DigitalConsentAge;
import dev.covenant.model.Practice;
import java.util.List;

/**
 * Derived: a practice reaches a cohort some of whose members are younger than the age of digital consent where they
 * live ({@link DigitalConsentAge}: GDPR Art. 8(1) and the national age).
 */
public record BelowConsentAge(Practice practice, Cohort cohort, DigitalConsentAge age) implements Derived {

    @Override
    public List<Object> basis() {
        return List.of(practice, cohort);
    }
}
