package dev.covenant.scenario;

import dev.covenant.model.Region;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hints for region codes: the code for a place written by name ({@code Germany} → {@code DE}), and a
 * warning for a bare country code that a US-facing scenario probably meant as a state ({@code CA}
 * Canada for {@code US-CA} California).
 */
public final class RegionHints {

    /** Lower-case English names (the JDK's country names, the US states, the groups) → the codes they may mean. */
    private static final Map<String, Set<String>> BY_NAME = names();

    private RegionHints() {
    }

    /** A region as written in a scenario: its code and where. */
    record Written(String code, SourceSpan at, String key, String path) {
    }

    /** A "did you mean" for an unknown region: its upper-case form, or the code of the place it names; else empty. */
    public static String unknown(String typed) {
        String upper = typed.strip().toUpperCase(Locale.ROOT);
        if (!upper.equals(typed) && Region.isValid(upper)) {
            return " (did you mean '" + upper + "'?)";
        }
        String dashed = upper.replace('_', '-');
        if (!dashed.equals(upper) && Region.isValid(dashed)) {
            return " (did you mean '" + dashed + "'?)";
        }
        String name = typed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        Set<String> codes = BY_NAME.get(name);
        if (codes == null && name.length() >= 5) {
            String near = Suggestions.nearest(name, BY_NAME.keySet());
            codes = near == null ? null : BY_NAME.get(near);
        }
        if (codes == null) {
            return "";
        }
        return " (did you mean " + String.join(" or ", codes.stream().map(c -> "'" + c + "'").toList()) + "?)";
    }

    /**
     * The rule, kept narrow so it rarely speaks when the author meant the country: a bare country code
     * that is also a US state's postal code ({@code CA}, {@code DE}, {@code IN}, {@code PA}, ...) or
     * whose country shares a state's name ({@code GE} Georgia), written in a scenario that also writes
     * {@code US} or a {@code US-xx} region, and that does not itself write the state's {@code US-xx}
     * code (writing both shows the author tells them apart).
     */
    static List<Diagnostic> confusions(List<Written> regions) {
        Set<String> written = new TreeSet<>();
        regions.forEach(r -> written.add(r.code()));
        Written us = regions.stream().filter(r -> Region.country(r.code()).equals("US")).findFirst().orElse(null);
        List<Diagnostic> warnings = new ArrayList<>();
        if (us == null) {
            return warnings;
        }
        for (Written r : regions) {
            String state = stateConfusedWith(r.code());
            if (state == null || written.contains("US-" + state)) {
                continue;
            }
            warnings.add(Diagnostic.warning(r.at(), "'" + r.key() + "' in " + Fields.where(r.path()) + ": '" + r.code()
                    + "' is the country " + Region.name(r.code()) + ", but this scenario is US-facing ('" + us.code()
                    + "' at line " + us.at().line() + "); did you mean 'US-" + state + "' (" + Region.US_STATES.get(state)
                    + ")? Findings for " + Region.name(r.code()) + " differ from those for the state"));
        }
        return warnings;
    }

    /** The postal code of the US state a bare country code may be mistaken for, or null. */
    static String stateConfusedWith(String code) {
        if (code.contains("-") || !Region.countries().contains(code)) {
            return null;
        }
        if (Region.US_STATES.containsKey(code)) {
            return code;
        }
        return STATE_NAMED_LIKE.get(code);
    }

    /** Countries that share a US state's name (GE Georgia → US-GA), worked out once rather than per region written. */
    private static final Map<String, String> STATE_NAMED_LIKE = stateNamedLike();

    private static Map<String, String> stateNamedLike() {
        Map<String, String> byCountry = new java.util.HashMap<>();
        for (String country : Region.countries()) {
            String name = Region.name(country);
            Region.US_STATES.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst()
                    .ifPresent(state -> byCountry.put(country, state));
        }
        return Map.copyOf(byCountry);
    }

    private static Map<String, Set<String>> names() {
        Map<String, Set<String>> names = new TreeMap<>();
        for (String country : Region.countries()) {
            // The pack and the docs write the United Kingdom as UK (GB is accepted too).
            add(names, new Locale("", country).getDisplayCountry(Locale.ENGLISH), country.equals("GB") ? "UK" : country);
        }
        Region.US_STATES.forEach((code, name) -> add(names, name, "US-" + code));
        add(names, "Great Britain", "UK");
        add(names, "Britain", "UK");
        add(names, "United States of America", "US");
        add(names, "USA", "US");
        add(names, "European Union", "EU");
        add(names, "European Economic Area", "EEA");
        return names;
    }

    private static void add(Map<String, Set<String>> names, String name, String code) {
        names.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new TreeSet<>()).add(code);
    }
}
