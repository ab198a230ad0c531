package dev.covenant.model;

/**
 * A controller's claim, for people whose data it did not obtain from them, that telling them is impossible or
 * would take a disproportionate effort (GDPR Art. 14(5)(b)), with the measures it took instead to protect them
 * (the Article names making the information publicly available). The claim is the scenario's to state; the
 * pack does not weigh whether the effort was in truth disproportionate.
 */
public record NoticeExemption(Kind exemptionKind, String measures) {

    /** The grounds of Art. 14(5)(b) a scenario may claim. */
    public enum Kind implements Keyed {
        IMPOSSIBLE,
        DISPROPORTIONATE_EFFORT;

        @Override
        public String key() {
            return Keyed.keyOf(this);
        }
    }

    @Override
    public String toString() {
        return exemptionKind.key() + " (" + measures + ")";
    }
}
