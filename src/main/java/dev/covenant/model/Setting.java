package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A member-facing setting that enables uses of data. Its default — the value of every member who has not set it —
 * is {@code defaultAtIntroduction} from {@code introduced}, then whatever each of {@code changes} (in date order)
 * makes it; {@code withdrawn} (null: never) is the day the setting and the uses it enables stopped. A default change
 * reaches every member who has not chosen for themselves, old members as well as new: that is what makes a later
 * switch to on decide for people who joined under off.
 *
 * <p>"The setting defaults on" has one meaning for every rule, {@link #defaultOn()}: its default was on for some
 * period while it existed. A practice it governs then reaches members opted in by the default, which is never
 * consent (GDPR Art. 4(11); In re Facebook, FTC 2012); a rule that asks when, asks {@link #defaultOnPeriods()} or
 * {@link #defaultOnAt(LocalDate)}.
 */
public record Setting(
        String id,
        LocalDate introduced,
        boolean defaultAtIntroduction,
        List<DefaultChange> changes,
        LocalDate withdrawn,
        List<String> enables,
        List<String> regions,
        OptOut optOut,
        SourceSpan span) implements Fact {

    /** The default became {@code defaultOn} on {@code on}. */
    public record DefaultChange(LocalDate on, boolean defaultOn, SourceSpan span) {
        @Override
        public String toString() {
            return "default " + (defaultOn ? "on" : "off") + " from " + on;
        }
    }

    public Setting {
        changes = List.copyOf(changes);
        enables = List.copyOf(enables);
        regions = List.copyOf(regions);
    }

    /** A setting whose default never changed and that was never withdrawn. */
    public Setting(String id, LocalDate introduced, boolean defaultOn, List<String> enables, List<String> regions,
            OptOut optOut, SourceSpan span) {
        this(id, introduced, defaultOn, List.of(), null, enables, regions, optOut, span);
    }

    @Override
    public FactKind factKind() {
        return FactKind.SETTING;
    }

    @Override
    public String describe() {
        return "introduced " + introduced + ", default " + onOff(defaultAtIntroduction)
                + (changes.isEmpty() ? "" : ", then " + String.join(", ", changes.stream().map(DefaultChange::toString).toList()))
                + (withdrawn == null ? "" : ", withdrawn " + withdrawn)
                + ", enables " + String.join(", ", enables)
                + (regions.isEmpty() ? "" : " in " + String.join(", ", regions))
                + (optOut == null ? "" : "; opt-out by " + optOut.method().key() + (optOut.retroactive() ? ", retroactive" : ", not retroactive"));
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /**
     * The setting as it was known on {@code asOf}: changes and a withdrawal dated after it had not happened, so no
     * rule judges the past by the future.
     */
    public Setting knownOn(LocalDate asOf) {
        List<DefaultChange> known = changes.stream().filter(c -> !c.on().isAfter(asOf)).toList();
        LocalDate gone = withdrawn != null && !withdrawn.isAfter(asOf) ? withdrawn : null;
        if (known.size() == changes.size() && gone == withdrawn) {
            return this;
        }
        return new Setting(id, introduced, defaultAtIntroduction, known, gone, enables, regions, optOut, span);
    }

    /** True on the days the setting existed: from its introduction to the day before it was withdrawn. */
    public boolean existsOn(LocalDate day) {
        return !day.isBefore(introduced) && (withdrawn == null || day.isBefore(withdrawn));
    }

    /** The default on {@code day} (off before the setting existed and once it was withdrawn: it enabled nothing then). */
    public boolean defaultOnAt(LocalDate day) {
        if (!existsOn(day)) {
            return false;
        }
        boolean on = defaultAtIntroduction;
        for (DefaultChange change : changes) {
            if (!change.on().isAfter(day)) {
                on = change.defaultOn();
            }
        }
        return on;
    }

    /**
     * The periods the default was on, in order: each from the introduction (default on) or a change to on, to the
     * day before the next change to off or the withdrawal; the last is open ({@code to} null) while still on.
     */
    public List<Period> defaultOnPeriods() {
        List<Period> periods = new ArrayList<>();
        LocalDate since = defaultAtIntroduction ? introduced : null;
        for (DefaultChange change : changes) {
            if (change.defaultOn() && since == null) {
                since = change.on();
            } else if (!change.defaultOn() && since != null) {
                periods.add(new Period(since, change.on().minusDays(1)));
                since = null;
            }
        }
        if (since != null) {
            periods.add(new Period(since, withdrawn == null ? null : withdrawn.minusDays(1)));
        }
        return periods;
    }

    /**
     * The one reading of "defaults on": the default was on for some period while the setting existed. A practice
     * the setting governs may then reach members it opted in without their act.
     */
    public boolean defaultOn() {
        return !defaultOnPeriods().isEmpty();
    }

    /**
     * True when the default was on on some day of {@code conduct}: what consent through the setting asks of a
     * practice it governs. A default on only before the practice began, or only after it ended, opted no one in
     * to it — every member who has the setting on while it runs turned it on.
     */
    public boolean defaultOnDuring(Period conduct) {
        return defaultOnPeriods().stream().anyMatch(on -> on.overlaps(conduct));
    }

    /**
     * True when every member the conduct reached with the setting on turned it on: the setting existed on every day
     * of it (introduced by its start, not withdrawn before its end) and its default was off throughout. A practice
     * that began before the setting existed ran before anyone could choose.
     */
    public boolean optedInThroughout(Period conduct) {
        boolean existed = !conduct.from().isBefore(introduced)
                && (withdrawn == null || conduct.to() != null && conduct.to().isBefore(withdrawn));
        return existed && !defaultOnDuring(conduct);
    }

    public boolean enablesUse(String use) {
        return Taxonomy.anyWithin(enables, use);
    }

    /** True when the setting enables some use the service does not need ({@link Taxonomy#neededForService}). */
    public boolean enablesUseNotNeeded() {
        return enables.stream().anyMatch(u -> !Taxonomy.neededForService(u));
    }

    /** No {@code regions} means the setting is shown everywhere. */
    public boolean appliesTo(Cohort cohort) {
        return Region.withinAny(cohort.region(), regions);
    }

    /** The converse of {@link Practice#governedBy}, for rules that filter settings. */
    public boolean governs(Practice practice) {
        return practice.governedBy(this);
    }
}
