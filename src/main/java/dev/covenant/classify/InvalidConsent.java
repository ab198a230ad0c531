package dev.covenant.classify;

import dev.covenant.model.Consent;
import dev.covenant.model.ConsentGiven;
import dev.covenant.model.Practice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Derived: a practice claims consent, but the consent was not obtained as consent must be ({@link Consent#defects}),
 * so it is no consent for any rule; {@link #provisions} names the provision each defect breaks.
 */
public record InvalidConsent(Practice practice) implements Derived {

    /** The day CJEU C-673/17 Planet49 was decided: from then it is authority that a pre-ticked box is not consent. */
    public static final LocalDate PLANET49 = LocalDate.of(2019, 10, 1);

    /** True when {@code practice} claims consent that does not hold. */
    public static boolean of(Practice practice) {
        return Consent.claimedBy(practice) && !Consent.valid(practice.consent());
    }

    /** What was wrong with the consent, in words. */
    public List<String> defects() {
        return Consent.defects(practice.consent());
    }

    /**
     * The provisions only some defects break, for {@code @cite}: Art. 7(2) for consent bundled with other matters,
     * Art. 7(4) for consent made a condition of the service, and Planet49 for a pre-ticked box when the practice ran
     * on or after its date (a precedent is authority only from its date). The UK GDPR keeps the same articles; Planet49
     * was decided before exit day, so it is retained EU case law there (European Union (Withdrawal) Act 2018, s. 6).
     */
    public List<String> provisions() {
        ConsentGiven given = practice.consent();
        List<String> provisions = new ArrayList<>();
        if (given.obtained() == ConsentGiven.Obtained.BUNDLED) {
            provisions.add("GDPR Art. 7(2) (UK GDPR Art. 7(2) from 2021-01-01): a request for consent presented with other matters");
        }
        if (given.conditionOfService()) {
            provisions.add("GDPR Art. 7(4) (UK GDPR Art. 7(4) from 2021-01-01): consent made a condition of the service");
        }
        LocalDate end = practice.period().to();
        if (given.obtained() == ConsentGiven.Obtained.PRE_TICKED && (end == null || !end.isBefore(PLANET49))) {
            provisions.add("CJEU C-673/17 Planet49 (2019-10-01): a pre-ticked box is not consent");
        }
        return provisions;
    }

    @Override
    public List<Object> basis() {
        return List.of(practice);
    }
}
