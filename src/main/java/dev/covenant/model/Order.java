package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.List;

/**
 * A consent order or decree binding the platform: who issued it ({@code issuer}, e.g. {@code ftc}, a court's
 * name), its {@code kind}, its {@code docket} (cited as written), the day it took effect and the term it runs
 * for ({@code term}: to its {@code until} date, or for its {@code years}, or open when neither is stated), and
 * what it forbids and requires. An order not yet effective on {@code as_of} is not known.
 */
public record Order(
        String id,
        String issuer,
        OrderKind orderKind,
        String docket,
        Period term,
        List<OrderProhibition> forbids,
        List<OrderRequirement> requires,
        SourceSpan span) implements Fact {

    public Order {
        forbids = List.copyOf(forbids);
        requires = List.copyOf(requires);
    }

    /** The term of an order that runs for {@code years} from {@code effective}: to the day before its anniversary. */
    public static Period termOf(LocalDate effective, long years) {
        return new Period(effective, effective.plusYears(years).minusDays(1));
    }

    public LocalDate effective() {
        return term.from();
    }

    /** A final order of the Commission, whose violation § 45(l) makes a civil-penalty offense (a court decree is enforced by contempt). */
    public boolean isCommissionOrder() {
        return orderKind == OrderKind.COMMISSION_ORDER;
    }

    /** True when the order forbids misrepresenting the privacy or the security of members' information. */
    public boolean forbidsMisrepresentation() {
        return forbids.contains(OrderProhibition.MISREPRESENTING_PRIVACY) || forbids.contains(OrderProhibition.MISREPRESENTING_SECURITY);
    }

    /** True when the order forbids sharing beyond members' settings without affirmative express consent. */
    public boolean forbidsSharingBeyondSettings() {
        return forbids.contains(OrderProhibition.SHARING_BEYOND_SETTINGS);
    }

    /** The days of {@code conduct} (closed at {@code asOf}) within the order's term, or null when none. */
    public Period termDaysOf(Period conduct, LocalDate asOf) {
        return conduct == null ? null : conduct.knownBy(asOf).overlap(term.closedBy(asOf));
    }

    /** The days of each of {@code conducts} within the order's term, those with none left out. */
    public List<Period> termDaysOfEach(java.util.Collection<Period> conducts, LocalDate asOf) {
        return conducts.stream().map(c -> termDaysOf(c, asOf)).filter(java.util.Objects::nonNull).toList();
    }

    /** True when some day of {@code conduct} (closed at {@code asOf}) falls within the order's term. */
    public boolean coversConduct(Period conduct, LocalDate asOf) {
        return termDaysOf(conduct, asOf) != null;
    }

    @Override
    public FactKind factKind() {
        return FactKind.ORDER;
    }

    @Override
    public String describe() {
        return orderKind.key() + " of " + issuer + ", " + docket + "; forbids "
                + (forbids.isEmpty() ? "nothing stated" : String.join(", ", forbids.stream().map(OrderProhibition::key).toList()))
                + (requires.isEmpty() ? "" : "; requires " + String.join(", ", requires.stream().map(OrderRequirement::key).toList()))
                + "; in force " + term;
    }
}
