package dev.covenant.model;

/**
 * How a practice captures the contents of communications while they are made (a meeting recorder, an assistant
 * reading messages as they are written), and who of the parties to them consented. The platform is not a party to
 * its members' conversations: its own consent, or its terms, is not a party's (In re Facebook Internet Tracking
 * Litigation, 956 F.3d 589 (9th Cir. 2020)). {@code confidential}: the circumstances show a party wants the
 * communication confined to the parties (Cal. Penal Code § 632(c)); {@code criminalOrTortious}: captured for a
 * criminal or tortious purpose, which takes away the one-party exception of 18 U.S.C. § 2511(2)(d).
 * {@code consentedBy}: with one party's consent, which side gave it — the members or the people who are not
 * (subjects); null otherwise. Only the other side can have been injured: a party who consented has no claim
 * (Cal. Penal Code § 637.2(a) gives the action to a person injured by a violation), so findings count it alone.
 */
public record Interception(Mode mode, Consented consented, boolean confidential, boolean criminalOrTortious,
        Party consentedBy) {

    /** Without a consenting side: no party or every party consented. */
    public Interception(Mode mode, Consented consented, boolean confidential, boolean criminalOrTortious) {
        this(mode, consented, confidential, criminalOrTortious, null);
    }

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

    /** The side of a communication that consented, with one party's consent. */
    public enum Party implements Keyed {
        /** The platform's members (the host who turned the recorder on, the writer who enabled the assistant). */
        MEMBERS,
        /** The people who are not members the practice names (guests, recipients without accounts). */
        SUBJECTS;

        @Override
        public String key() {
            return Keyed.keyOf(this);
        }
    }

    /**
     * True when {@code group} did not consent to the capture: no party did, or one side did and the group is on
     * the other. Every party's consent leaves no one who did not.
     */
    public boolean withoutConsentOf(People group) {
        return switch (consented) {
            case NONE -> true;
            case ALL_PARTIES -> false;
            case ONE_PARTY -> consentedBy != null && group.members() != (consentedBy == Party.MEMBERS);
        };
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
            case ONE_PARTY -> consentedBy == null ? "one party" : "one party (the " + consentedBy.key() + ")";
            case ALL_PARTIES -> "every party";
        };
    }

    /** In one line, for evidence. */
    public String describe() {
        return "intercepts communications " + mode.key() + ", consented by " + whoConsented()
                + (confidential ? ", confidential" : "") + (criminalOrTortious ? ", for a criminal or tortious purpose" : "");
    }
}
