package dev.covenant.finding;

/**
 * How a review treats a finding: the waiver that accepts it (or null), and against a baseline whether
 * it is {@code NEW} or {@code UNCHANGED} (null without a baseline).
 */
public record Review(Waiver waiver, BaselineState baseline) {

    public static final Review NONE = new Review(null, null);

    /** A finding compared with the last approved run. */
    public enum BaselineState { NEW, UNCHANGED }

    public boolean waived() {
        return waiver != null;
    }

    /** True when the finding should fail a run: not waived, and new if there is a baseline. */
    public boolean counts() {
        return waiver == null && baseline != BaselineState.UNCHANGED;
    }
}
