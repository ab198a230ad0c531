package dev.covenant.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Region codes: ISO 3166-1 alpha-2 countries, ISO 3166-2 subdivisions ({@code US-CA}) and the
 * groups {@code EU}, {@code EEA} and {@code UK} (= {@code GB}). Containment: a subdivision is within
 * its country, a member state within the EU, the EU and IS/LI/NO within the EEA.
 */
public final class Region {

    public static final Set<String> EU_MEMBERS = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final Set<String> EEA_ONLY = Set.of("IS", "LI", "NO");
    private static final Set<String> GROUPS = Set.of("EU", "EEA", "UK");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern SUBDIVISION = Pattern.compile("([A-Z]{2})-[A-Z0-9]{1,3}");

    private Region() {
    }

    /**
     * Answers are memoised: record audits ask the same few questions millions of times. Codes come
     * from a small vocabulary (countries, subdivisions), so the maps stay small; they are bounded
     * anyway, and past the bound answers are computed each time.
     */
    private static final int MEMO_LIMIT = 10_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> VALID = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.ConcurrentHashMap<String, Boolean>> WITHIN =
            new java.util.concurrent.ConcurrentHashMap<>();

    public static boolean isValid(String code) {
        Boolean known = VALID.get(code);
        if (known != null) {
            return known;
        }
        boolean valid = computeValid(code);
        if (VALID.size() < MEMO_LIMIT) {
            VALID.put(code, valid);
        }
        return valid;
    }

    private static boolean computeValid(String code) {
        if (GROUPS.contains(code) || COUNTRIES.contains(code)) {
            return true;
        }
        var m = SUBDIVISION.matcher(code);
        return m.matches() && COUNTRIES.contains(m.group(1));
    }

    /** True when every place in {@code code} is also in {@code container}. */
    public static boolean within(String code, String container) {
        java.util.concurrent.ConcurrentHashMap<String, Boolean> byContainer = WITHIN.get(code);
        if (byContainer == null) {
            if (WITHIN.size() >= MEMO_LIMIT) {
                return computeWithin(code, container);
            }
            byContainer = WITHIN.computeIfAbsent(code, c -> new java.util.concurrent.ConcurrentHashMap<>());
        }
        Boolean known = byContainer.get(container);
        if (known == null) {
            known = computeWithin(code, container);
            if (byContainer.size() < MEMO_LIMIT) {
                byContainer.put(container, known);
            }
        }
        return known;
    }

    private static boolean computeWithin(String code, String container) {
        String region = canonical(code);
        String outer = canonical(container);
        if (region.equals(outer)) {
            return true;
        }
        int dash = region.indexOf('-');
        if (dash > 0) {
            return within(region.substring(0, dash), outer);
        }
        return switch (outer) {
            case "EU" -> EU_MEMBERS.contains(region);
            case "EEA" -> region.equals("EU") || EU_MEMBERS.contains(region) || EEA_ONLY.contains(region);
            default -> false;
        };
    }

    /** True when {@code code} is within some region of {@code containers}; an empty list is everywhere. */
    public static boolean withinAny(String code, Iterable<String> containers) {
        boolean any = false;
        for (String container : containers) {
            any = true;
            if (within(code, container)) {
                return true;
            }
        }
        return !any;
    }

    /** The country of a subdivision, or the code itself. */
    public static String country(String code) {
        int dash = code.indexOf('-');
        return dash > 0 ? code.substring(0, dash) : canonical(code);
    }

    /** True for regions where the GDPR applies: the EU, the EEA and their member states. */
    public static boolean inEea(String code) {
        return within(code, "EEA");
    }

    private static String canonical(String code) {
        return code.equals("UK") ? "GB" : code;
    }
}
