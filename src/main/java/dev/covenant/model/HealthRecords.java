package dev.covenant.model;

/**
 * What the platform is under the FTC's Health Breach Notification Rule (16 C.F.R. Part 318): a vendor of personal
 * health records or a PHR related entity ({@code role}), drawing on {@code sources} sources of health information
 * (the user's own input counts as one, a device or an API another), and whether HIPAA covers it instead (a covered
 * entity or a business associate is outside the Rule, § 318.1(a)).
 */
public record HealthRecords(Role role, long sources, boolean hipaaCovered) {

    /** The two kinds of entity § 318.3(a) binds to notify individuals and the Commission. */
    public enum Role implements Keyed {
        /** A vendor of personal health records (§ 318.2): offers or maintains a personal health record. */
        VENDOR,
        /** A PHR related entity (§ 318.2): offers products or services through a vendor's website or app, or accesses or sends information to one. */
        RELATED_ENTITY;

        @Override
        public String key() {
            return Keyed.keyOf(this);
        }
    }

    /**
     * True when the Rule binds the platform: not covered by HIPAA, and either a PHR related entity or a vendor whose
     * records can draw on more than one source — a personal health record is one that "can be drawn from multiple
     * sources" (§ 318.2; from 2024-07-29 "has the technical capacity to draw information from multiple sources").
     */
    public boolean bound() {
        return !hipaaCovered && (role == Role.RELATED_ENTITY || sources >= 2);
    }

    public String describe() {
        return "health records: " + role.key().replace('-', ' ') + ", " + sources + " source(s)"
                + (hipaaCovered ? ", covered by HIPAA" : ", not covered by HIPAA");
    }
}
