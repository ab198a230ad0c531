package dev.covenant.classify;

import dev.covenant.model.Disclosure;
import dev.covenant.model.Practice;
import dev.covenant.model.Promise;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Derived: the earliest published disclosure of a practice's use for one of its data categories, and when it
 * counts. A specific statement controls a generic disclosure (obligations principle 5; FTC Policy Statement on
 * Deception, 1983: net impression): the disclosure does not count on a day a public statement or a prompt at
 * collection in force {@link Promise#bindsAway binds the category away from the use}. {@code countsFrom} is the
 * first day, searched from the practice's start, on which it counts — its publication date when no such
 * statement held it back — or null when it never counts by {@code as_of}; whether it counted on the day the
 * data began to be collected is {@link #countsOn} that day. Binding statements do not depend on which disclosure it is, so the earliest
 * published disclosure is also the earliest to count, and one fact per practice and category says it all.
 * {@code controlling} are the statements that are why it does not count: those in force from the later of its
 * publication and the practice's start until it counts, or on the day, after its publication, the practice
 * started or its data began to be collected.
 */
public record FirstDisclosure(Practice practice, String category, Disclosure disclosure, LocalDate countsFrom,
        List<Promise> statements, List<Promise> controlling) implements Derived {

    public FirstDisclosure {
        statements = List.copyOf(statements);
        controlling = List.copyOf(controlling);
    }

    /** The plain case: nothing binds the category elsewhere, so the disclosure counts from publication. */
    public FirstDisclosure(Practice practice, String category, Disclosure disclosure) {
        this(practice, category, disclosure, disclosure.published(), List.of(), List.of());
    }

    /**
     * Reads {@code disclosure} against the statements binding the practice's {@code category} away from its use
     * ({@code statements}, whatever their periods), from the practice's start to {@code asOf}.
     * {@code collectionStarts} are the practice's {@link CollectionStart} facts (none when it reaches no one).
     */
    public static FirstDisclosure of(Practice practice, String category, Disclosure disclosure,
            Collection<?> statements, Collection<?> collectionStarts, LocalDate asOf) {
        List<Promise> binding = statements.stream().map(Promise.class::cast)
                .sorted(java.util.Comparator.comparing((Promise p) -> p.period().from()).thenComparing(Promise::id)).toList();
        LocalDate collected = null;
        for (Object c : collectionStarts) {
            LocalDate date = ((CollectionStart) c).date();
            collected = collected == null || date.isBefore(collected) ? date : collected;
        }
        LocalDate searchFrom = disclosure.published().isAfter(practice.started()) ? disclosure.published() : practice.started();
        LocalDate day = searchFrom;
        while (day != null) {
            LocalDate from = day;
            Promise inForce = binding.stream().filter(p -> p.inForceOn(from)).findFirst().orElse(null);
            if (inForce == null) {
                break;
            }
            day = inForce.period().isOpen() || !inForce.period().to().isBefore(asOf) ? null : inForce.period().to().plusDays(1);
        }
        LocalDate countsFrom = day == null ? null : day.equals(searchFrom) ? disclosure.published() : day;
        LocalDate heldUntil = countsFrom == null ? asOf : countsFrom.minusDays(1);
        List<Promise> controlling = new ArrayList<>();
        for (Promise p : binding) {
            boolean heldBack = !heldUntil.isBefore(searchFrom)
                    && p.period().overlaps(new dev.covenant.model.Period(searchFrom, heldUntil));
            // On a start day the statement is why only if the disclosure was published by then.
            boolean onAStart = heldOn(p, disclosure, practice.started()) || (collected != null && heldOn(p, disclosure, collected));
            if (heldBack || onAStart) {
                controlling.add(p);
            }
        }
        return new FirstDisclosure(practice, category, disclosure, countsFrom, binding, controlling);
    }

    private static boolean heldOn(Promise statement, Disclosure disclosure, LocalDate day) {
        return statement.inForceOn(day) && disclosure.publishedBy(day);
    }

    /** True when the disclosure counts on some day of the conduct by {@code as_of}. */
    public boolean counted() {
        return countsFrom != null;
    }

    /** True when the disclosure counts from a day after {@code day} (it had not counted by then). */
    public boolean countsAfter(LocalDate day) {
        return countsFrom != null && countsFrom.isAfter(day);
    }

    /** True when the disclosure is published by {@code day} and no statement in force that day binds the category elsewhere. */
    public boolean countsOn(LocalDate day) {
        return disclosure.publishedBy(day) && statements.stream().noneMatch(p -> p.inForceOn(day));
    }

    /** True when a specific statement is why the disclosure does not count on some day that matters. */
    public boolean controlled() {
        return !controlling.isEmpty();
    }

    /**
     * For a finding's message: the disclosure and the statements that control it, e.g.
     * {@code "; privacy-policy@v1 discloses it generally, but a specific statement controls: 'sms' (collection-prompt in force since …, "…") limits …"};
     * empty when none does.
     */
    public String controlNote() {
        if (controlling.isEmpty()) {
            return "";
        }
        return "; " + disclosure.documentId() + "@" + disclosure.version() + " discloses it generally, but "
                + (controlling.size() == 1 ? "a specific statement controls: " : "specific statements control: ")
                + String.join("; ", controlling.stream().map(FirstDisclosure::name).toList());
    }

    /** For a finding that no disclosure counts: {@code " in a way that counts"} and the {@link #controlNote()}. */
    public String uncountedNote() {
        return " in a way that counts" + controlNote();
    }

    /**
     * Why this first disclosure came too late for its practice, whose data was {@code collected} from a date: the
     * use began before the disclosure counted, or the data was collected before it was published, or while a
     * specific statement bound it to other uses (RETROACTIVE-DISCLOSURE's message).
     */
    public String howLate(CollectionStart collected) {
        LocalDate published = disclosure.published();
        String disclosed = disclosure.documentId() + "@" + disclosure.version();
        if (countsFrom.isAfter(practice.started())) {
            return "started " + practice.started() + ", " + java.time.temporal.ChronoUnit.DAYS.between(practice.started(), countsFrom)
                    + " days before " + disclosed + " first disclosed it "
                    + (countsFrom.equals(published) ? "on " + published : "with effect from " + countsFrom + " (published " + published + ")");
        }
        if (published.isAfter(collected.date())) {
            return "uses data collected since " + collected.date() + ", before " + disclosed + " first disclosed it on " + published;
        }
        return "uses data collected since " + collected.date() + ", while a specific statement bound it to other uses";
    }

    private static String name(Promise p) {
        List<String> readings = new ArrayList<>();
        if (!p.limitsTo().isNone()) {
            readings.add("limits " + String.join(", ", p.limitsTo().categories()) + " to " + String.join(", ", p.limitsTo().uses()));
        }
        if (!p.forbids().uses().isEmpty() || !p.forbids().categories().isEmpty()) {
            readings.add("forbids " + (p.forbids().uses().isEmpty() ? "any use" : String.join(", ", p.forbids().uses())) + " of "
                    + (p.forbids().categories().isEmpty() ? "any category" : String.join(", ", p.forbids().categories())));
        }
        return "'" + p.id() + "' (" + p.promiseKind().key() + " in force " + p.period() + ", \"" + p.source() + "\") "
                + String.join(" and ", readings);
    }

    @Override
    public List<Object> basis() {
        List<Object> basis = new ArrayList<>(List.of(practice, disclosure));
        basis.addAll(controlling);
        return basis;
    }
}
