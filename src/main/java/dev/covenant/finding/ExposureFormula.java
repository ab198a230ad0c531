package dev.covenant.finding;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a rule's {@code @exposure} computes the amount at stake: an amount per member, counted either as
 * the members a scenario finding reaches ({@code "1000 USD per US member reached"}, the members of the
 * cohorts in its evidence, optionally only those within a region) or as the distinct members a record
 * audit flagged ({@code "1000 USD per distinct member"}). The engine evaluates it, so no consequence
 * does arithmetic. {@code basis} ({@code @exposureBasis}) says where the amount comes from; without it
 * the amount itself stands at the head of the basis text.
 */
public record ExposureFormula(long amount, String currency, String region, Unit unit, String basis) {

    /** What one unit of the amount is. */
    public enum Unit {
        MEMBER_REACHED("member reached"),
        DISTINCT_MEMBER("distinct member");

        private final String words;

        Unit(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private static final Pattern WRITTEN = Pattern.compile(
            "(\\d{1,15}) ([A-Z]{3}) per (?:([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,3})?) )?(member reached|distinct member)");

    /** The formula as written in {@code @exposure}, or empty when it does not read like one. */
    public static Optional<ExposureFormula> parse(String written, String basis) {
        Matcher m = WRITTEN.matcher(written.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Unit unit = m.group(4).equals(Unit.MEMBER_REACHED.words) ? Unit.MEMBER_REACHED : Unit.DISTINCT_MEMBER;
        return Optional.of(new ExposureFormula(Long.parseLong(m.group(1)), m.group(2), m.group(3), unit,
                basis == null || basis.isBlank() ? null : basis.strip()));
    }

    /** The exposure for {@code members} units: the amount times them, with how it was computed. */
    public Exposure times(long members) {
        String head = basis != null ? basis : String.format(Locale.ROOT, "%,d %s", amount, currency);
        // The unit's noun in the plural: "US members reached", "distinct members".
        String units = (region == null ? "" : region + " ") + unit.words.replaceFirst("member", "members");
        // Exact: an amount too large to represent is an error naming the rule, never a wrapped figure.
        return new Exposure(Math.multiplyExact(amount, members), currency, String.format(Locale.ROOT, "%s × %,d %s", head, members, units));
    }

    /** As written in {@code @exposure}. */
    @Override
    public String toString() {
        return amount + " " + currency + " per " + (region == null ? "" : region + " ") + unit.words;
    }
}
