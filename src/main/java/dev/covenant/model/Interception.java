package dev.covenant.model;

/**
 * How a practice captures the contents of communications while they are made (a meeting recorder, an assistant
 * reading messages as they are written), and who of the parties to them consented. The platform is not a party to
 * its members' conversations: its own consent, or its terms, is not a party's (In re Facebook Internet Tracking
 * Litigation, 956 F.3d 589 (9th Cir. 2020)). {@code confidential}: the circumstances show a party wants the
 * communication confined to the parties (Cal. Penal Code § 632(c)); {@code criminalOrTortious}: captured for a
 * criminal or tortious purpose, which takes away the one-party exception of 18 U.S.C. § 2511(2)(d).
 */
public record Interception(Mode mode, Consented consented, boolean confidential, boolean criminalOrTortious) {

    /** How the contents are captured. */
    public enum Mode implements Keyed {
        /** Read or acquired while in transit (Cal. Penal Code § 631(a); an interception, 18 U.S.C. § 2510(4)). */
        IN_TRANSIT,
        /** Recorded by a device as the parties speak or write (Cal. Penal Code § 632(a); also an interception federally). */
        RECORDED;

        @Override
        public String key() {
            return Keyed.keyOf(this);
        }
    }

    /** Which of the parties to the communication consented to its capture. */
    public enum Consented implements Keyed {
        NONE,
        ONE_PARTY,
        ALL_PARTIES;

        @Override
        public String key() {
            return Keyed.keyOf(this);
        }
    }

    /**
     * True when federal law forbids the capture: no party consented, or one did but the capture is for a criminal or
     * tortious purpose (18 U.S.C. § 2511(2)(d)).
     */
    public boolean barredFederally() {
        return consented == Consented.NONE || consented == Consented.ONE_PARTY && criminalOrTortious;
    }

    /**
     * True when California law forbids the capture: not every party consented, and the contents were read in transit
     * (Cal. Penal Code § 631(a)) or a confidential communication was recorded (§ 632(a)).
     */
    public boolean barredInCalifornia() {
        return consented != Consented.ALL_PARTIES && californiaSection() != null;
    }

    /** The section of the California Invasion of Privacy Act the capture falls under, or null when none does. */
    public String californiaSection() {
        if (mode == Mode.IN_TRANSIT) {
            return "Cal. Penal Code § 631(a)";
        }
        return confidential ? "Cal. Penal Code § 632(a)" : null;
    }

    /** Who consented, for messages: "no party", "one party", "every party". */
    public String whoConsented() {
        return switch (consented) {
            case NONE -> "no party";
            case ONE_PARTY -> "one party";
            case ALL_PARTIES -> "every party";
        };
    }

    /** In one line, for evidence. */
    public String describe() {
        return "intercepts communications " + mode.key() + ", consented by " + whoConsented()
                + (confidential ? ", confidential" : "") + (criminalOrTortious ? ", for a criminal or tortious purpose" : "");
    }
}
