package dev.covenant.finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a rule's {@code @exposure} computes the amount at stake: an amount per unit, counted either as the
 * members a scenario finding reaches ({@code "1000 USD per US member reached"}, the members of the cohorts in
 * its evidence, optionally only those within a region; {@code "person reached"} counts the same and says "people",
 * for a rule whose evidence may hold people who are not members), as the distinct members a record audit flagged
 * ({@code "1000 USD per distinct member"}), or as the days of the conduct the finding judged, both ends
 * counted ({@code "51744 USD per day of violation"}: a continuing violation that the law counts one per day).
 * An amount the law adjusts on dates (a civil penalty maximum, raised for inflation each January) is written
 * as dated amounts, {@code "up to 51744 USD per day of violation from 2024-01-10, 53088 USD from 2025-01-17"}:
 * the one in effect on the assessment date applies, and none before the first. {@code up to} marks the amount
 * as a ceiling (a statutory maximum, not an award), and the finding's basis text says so. The engine evaluates
 * it, so no consequence does arithmetic. {@code basis} ({@code @exposureBasis}) says where the amount comes
 * from; without it the amount itself stands at the head of the basis text.
 */
public record ExposureFormula(long amount, String currency, String region, Unit unit, String basis, boolean ceiling,
        List<Dated> schedule) {

    /** What one unit of the amount is. */
    public enum Unit {
        MEMBER_REACHED("member reached", "members reached"),
        /**
         * Counted as {@link #MEMBER_REACHED} is, the people in the evidence, for a law whose duty is owed to people
         * whether they hold an account or not (biometric identifiers of people who are not members): the text then
         * does not call them members.
         */
        PERSON_REACHED("person reached", "people reached"),
        DISTINCT_MEMBER("distinct member", "distinct members"),
        DAY_OF_VIOLATION("day of violation", "days of violation");

        private final String words;
        private final String plural;

        Unit(String words, String plural) {
            this.words = words;
            this.plural = plural;
        }

        public String words() {
            return words;
        }
    }

    /** An amount in effect from a date (until the next one's). */
    public record Dated(LocalDate from, long amount) {
    }

    public ExposureFormula {
        schedule = List.copyOf(schedule);
    }

    /** A formula with one undated amount, not a ceiling. */
    public ExposureFormula(long amount, String currency, String region, Unit unit, String basis) {
        this(amount, currency, region, unit, basis, false, List.of());
    }

    private static final Pattern WRITTEN = Pattern.compile(
            "(up to )?(\\d{1,15}) ([A-Z]{3}) per (?:([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,3})?) )?(member reached|person reached|distinct member|day of violation)"
                    + "(?: from (\\d{4}-\\d{2}-\\d{2})((?:, \\d{1,15} [A-Z]{3} from \\d{4}-\\d{2}-\\d{2})*))?");
    private static final Pattern LATER = Pattern.compile(", (\\d{1,15}) ([A-Z]{3}) from (\\d{4}-\\d{2}-\\d{2})");

    /** The formula as written in {@code @exposure}, or empty when it does not read like one (dates out of order, mixed currencies). */
    public static Optional<ExposureFormula> parse(String written, String basis) {
        Matcher m = WRITTEN.matcher(written.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Unit unit = java.util.Arrays.stream(Unit.values()).filter(u -> u.words.equals(m.group(5))).findFirst().orElseThrow();
        long amount = Long.parseLong(m.group(2));
        List<Dated> schedule = new ArrayList<>();
        try {
            if (m.group(6) != null) {
                schedule.add(new Dated(LocalDate.parse(m.group(6)), amount));
                Matcher later = LATER.matcher(m.group(7));
                while (later.find()) {
                    LocalDate from = LocalDate.parse(later.group(3));
                    if (!later.group(2).equals(m.group(3)) || !from.isAfter(schedule.get(schedule.size() - 1).from())) {
                        return Optional.empty();
                    }
                    schedule.add(new Dated(from, Long.parseLong(later.group(1))));
                }
            }
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.of(new ExposureFormula(amount, m.group(3), m.group(4), unit,
                basis == null || basis.isBlank() ? null : basis.strip(), m.group(1) != null, schedule));
    }

    /** The amount in effect on {@code day}: the latest dated amount from on or before it; the amount itself when undated; empty before the first. */
    public Optional<Dated> amountOn(LocalDate day) {
        if (schedule.isEmpty()) {
            return Optional.of(new Dated(null, amount));
        }
        Dated inEffect = null;
        for (Dated d : schedule) {
            if (day != null && !d.from().isAfter(day)) {
                inEffect = d;
            }
        }
        return Optional.ofNullable(inEffect);
    }

    /** The exposure for {@code units}: the amount times them, with how it was computed. */
    public Exposure times(long units) {
        return times(units, null).orElseThrow();
    }

    /**
     * The exposure for {@code units} with the amount in effect on {@code assessed} (the assessment date; the
     * scenario's {@code as_of}), or empty when no dated amount is in effect then.
     */
    public Optional<Exposure> times(long units, LocalDate assessed) {
        Optional<Dated> inEffect = amountOn(assessed);
        if (inEffect.isEmpty()) {
            return Optional.empty();
        }
        long each = inEffect.get().amount();
        String money = String.format(Locale.ROOT, "%s%,d %s", ceiling ? "up to " : "", each, currency);
        String dated = inEffect.get().from() == null ? "" : " (in effect from " + inEffect.get().from() + ", assessed as of " + assessed + ")";
        String head = schedule.isEmpty() && !ceiling ? (basis != null ? basis : money)
                : (basis != null ? basis + ": " : "") + money + dated;
        // The unit's noun in the plural: "US members reached", "distinct members", "days of violation".
        String counted = (region == null ? "" : region + " ") + unit.plural;
        // Exact: an amount too large to represent is an error naming the rule, never a wrapped figure.
        String text = String.format(Locale.ROOT, "%s × %,d %s", head, units, counted) + (ceiling ? ", a ceiling" : "");
        return Optional.of(new Exposure(Math.multiplyExact(each, units), currency, text));
    }

    /** As written in {@code @exposure}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(ceiling ? "up to " : "");
        long first = schedule.isEmpty() ? amount : schedule.get(0).amount();
        s.append(first).append(' ').append(currency).append(" per ").append(region == null ? "" : region + " ").append(unit.words);
        for (int i = 0; i < schedule.size(); i++) {
            s.append(i == 0 ? " from " : ", " + schedule.get(i).amount() + " " + currency + " from ").append(schedule.get(i).from());
        }
        return s.toString();
    }
}
