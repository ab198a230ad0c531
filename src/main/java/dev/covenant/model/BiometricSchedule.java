package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A published document version's retention schedule for biometric identifiers ({@code versions[].biometric_retention}):
 * the written policy, made available to the public, that 740 ILCS 14/15(a) requires of whoever possesses them. It
 * says whether identifiers are destroyed once the purpose they were collected for is satisfied, and within how many
 * years of the person's last interaction. Published with its version, so it counts from the version's date.
 *
 * @param onPurposeSatisfied         the schedule destroys identifiers when the initial purpose has been satisfied
 * @param yearsAfterLastInteraction the schedule destroys them at the latest this many years after the person's last
 *                                   interaction with the platform
 */
public record BiometricSchedule(String documentId, String version, LocalDate published, boolean onPurposeSatisfied,
        int yearsAfterLastInteraction, SourceSpan span) implements Fact {

    /** The Act's outer limit: destruction within three years of the last interaction, if the purpose lasts longer. */
    public static final int BIPA_YEARS = 3;

    @Override
    public String id() {
        return documentId + "@" + version + ":biometric_retention";
    }

    @Override
    public FactKind factKind() {
        return FactKind.BIOMETRIC_SCHEDULE;
    }

    @Override
    public String describe() {
        return "destroys biometric identifiers " + (onPurposeSatisfied ? "when their purpose is satisfied or " : "")
                + "within " + yearsAfterLastInteraction + " year(s) of the last interaction, published " + published;
    }

    /**
     * True when the schedule destroys identifiers as 14/15(a) requires: when the initial purpose is satisfied or
     * within three years of the last interaction, whichever comes first.
     */
    public boolean meetsIllinoisLimits() {
        return shortfalls().isEmpty();
    }

    /** What the schedule leaves out of 14/15(a)'s guidelines, in words for a message; empty when nothing. */
    public List<String> shortfalls() {
        List<String> missing = new ArrayList<>();
        if (!onPurposeSatisfied) {
            missing.add("no destruction once the initial purpose is satisfied");
        }
        if (yearsAfterLastInteraction > BIPA_YEARS) {
            missing.add("keeps identifiers " + yearsAfterLastInteraction + " years after the last interaction, more than "
                    + BIPA_YEARS);
        }
        return missing;
    }

    /** True when the schedule was public on or before {@code day}. */
    public boolean publishedBy(LocalDate day) {
        return !published.isAfter(day);
    }
}
