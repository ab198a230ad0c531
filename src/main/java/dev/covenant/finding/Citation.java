package dev.covenant.finding;

import dev.covenant.model.LegalGround;
import dev.covenant.model.Period;
import dev.covenant.model.Region;
import dev.covenant.model.Taxonomy;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citation from a rule's {@code @reference}, with the conduct it governs written in brackets before it:
 * <pre>
 *   [US-CA from 2020-01-01 to 2023-06-30] Cal. Civ. Code § 1798.100(b)
 *   [EEA from 2018-05-25 basis legitimate-interest, opt-out] GDPR Art. 21(1)
 *   [US basis not consent] 15 U.S.C. § 45(n)
 *   [EEA use marketing] GDPR Art. 21(3)
 * </pre>
 * Each qualifier is optional: a region (the people reached must live within it), {@code from}/{@code to}
 * (the citation's in-force period, both days inclusive: a statute's operative date, a renumbering, the date
 * of a precedent or a guidance document), {@code basis} (the grounds of {@link LegalGround} the provision
 * governs; {@code not} inverts the list) and {@code use} (a data use the conduct must be within). A citation
 * with no brackets applies to any conduct. {@link #appliesTo} is the one decision, for scenario and record
 * findings alike.
 */
public record Citation(String text, String scope, LocalDate from, LocalDate to, Set<LegalGround> grounds,
        boolean groundsExcluded, String use) {

    private static final Pattern QUALIFIED = Pattern.compile("^\\[([^\\]]*)]\\s*(.*)$", Pattern.DOTALL);
    private static final Set<String> KEYWORDS = Set.of("from", "to", "basis", "use");

    public Citation {
        // An EnumSet keeps the grounds in declaration order, so the catalog writes them the same way every time.
        grounds = grounds.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(grounds));
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("citation '" + text + "' is in force to " + to + ", before it is from " + from);
        }
    }

    /** An undated citation, scoped to a region or not ({@code scope} null). */
    public Citation(String text, String scope) {
        this(text, scope, null, null, Set.of(), false, null);
    }

    /**
     * Reads one citation as written in {@code @reference}.
     *
     * @throws IllegalArgumentException naming what is wrong, in words a rule author can act on
     */
    public static Citation parse(String written) {
        Matcher m = QUALIFIED.matcher(written.strip());
        if (!m.matches()) {
            return new Citation(written.strip(), null);
        }
        String text = m.group(2).strip();
        String[] tokens = m.group(1).strip().replace(",", " , ").split("\\s+");
        String scope = null;
        LocalDate from = null;
        LocalDate to = null;
        Set<LegalGround> grounds = EnumSet.noneOf(LegalGround.class);
        boolean excluded = false;
        String use = null;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty() || token.equals(",")) {
                continue;
            }
            switch (token) {
                case "from" -> from = date(tokens, ++i, "from", written);
                case "to" -> to = date(tokens, ++i, "to", written);
                case "use" -> {
                    use = argument(tokens, ++i, "use", "a data use", written);
                    if (!Taxonomy.isUse(use)) {
                        throw new IllegalArgumentException("citation [" + m.group(1).strip() + "]: '" + use + "' is not a data use of the taxonomy");
                    }
                }
                case "basis" -> {
                    if (i + 1 < tokens.length && tokens[i + 1].equals("not")) {
                        excluded = true;
                        i++;
                    }
                    while (i + 1 < tokens.length && (tokens[i + 1].equals(",") || LegalGround.parse(tokens[i + 1]).isPresent())) {
                        LegalGround.parse(tokens[++i]).ifPresent(grounds::add);
                    }
                    if (grounds.isEmpty()) {
                        String next = i + 1 < tokens.length ? "'" + tokens[i + 1] + "'" : "nothing";
                        throw new IllegalArgumentException("citation [" + m.group(1).strip() + "]: 'basis' is followed by " + next
                                + "; expected one or more of: " + LegalGround.choices());
                    }
                }
                default -> {
                    if (scope != null || !Region.isValid(token)) {
                        throw new IllegalArgumentException("citation scope [" + m.group(1).strip() + "]: '" + token + "' is "
                                + (scope != null && Region.isValid(token) ? "a second region; a citation has at most one" : "not a region")
                                + "; write [US], [US-CA], [EEA], [UK], [CH] or another region code, then 'from DATE', 'to DATE',"
                                + " 'basis KIND[, KIND]' or 'use USE'");
                    }
                    scope = token;
                }
            }
        }
        return new Citation(text, scope, from, to, grounds, excluded, use);
    }

    private static String argument(String[] tokens, int at, String keyword, String what, String written) {
        if (at >= tokens.length || KEYWORDS.contains(tokens[at]) || tokens[at].equals(",")) {
            throw new IllegalArgumentException("citation '" + written.strip() + "': '" + keyword + "' needs " + what + " after it");
        }
        return tokens[at];
    }

    private static LocalDate date(String[] tokens, int at, String keyword, String written) {
        String value = argument(tokens, at, keyword, "a date (YYYY-MM-DD)", written);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("citation '" + written.strip() + "': '" + keyword + " " + value
                    + "' is not a date; write YYYY-MM-DD");
        }
    }

    public boolean isScoped() {
        return scope != null;
    }

    /** True when the citation bounds the conduct it governs in time. */
    public boolean isDated() {
        return from != null || to != null;
    }

    /** The period the citation is in force, or null when undated. */
    public Period inForce() {
        return isDated() ? new Period(from == null ? LocalDate.MIN : from, to) : null;
    }

    /**
     * True when the citation governs {@code conduct}: the people reached live within its region, the conduct's
     * period overlaps its in-force period, the practices rest on a ground it governs, and their use is within its use.
     */
    public boolean appliesTo(Conduct conduct) {
        boolean region = !isScoped() || conduct.regions().stream().anyMatch(r -> Region.within(r, scope));
        boolean inForce = !isDated() || conduct.period() == null || inForce().overlaps(conduct.period());
        boolean ground = grounds.isEmpty()
                || conduct.grounds().stream().anyMatch(g -> grounds.contains(g) != groundsExcluded);
        boolean ofUse = use == null || conduct.uses().stream().anyMatch(u -> Taxonomy.within(u, use));
        return region && inForce && ground && ofUse;
    }

    /** What the citation depends on, in words ("US-CA members; conduct from 2020-01-01 to 2023-06-30"), or null. */
    public String conditions() {
        List<String> parts = new ArrayList<>();
        if (isScoped()) {
            parts.add(scope + " members");
        }
        if (isDated()) {
            parts.add("conduct " + (from == null ? "to " + to : to == null ? "from " + from : "from " + from + " to " + to));
        }
        if (!grounds.isEmpty()) {
            parts.add("basis " + (groundsExcluded ? "other than " : "") + String.join(" or ", grounds.stream().map(LegalGround::key).toList()));
        }
        if (use != null) {
            parts.add("use " + use);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** As written in the catalog: the text, with what it depends on. */
    @Override
    public String toString() {
        String conditions = conditions();
        return conditions == null ? text : text + " (" + conditions + ")";
    }
}
