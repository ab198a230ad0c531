package dev.covenant.model;

import java.util.List;
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

    /**
     * The US states and DC by their postal codes (ISO 3166-2 {@code US-xx} without the prefix). Many of
     * these codes are also countries ({@code CA} Canada, {@code DE} Germany), which is why a bare code in
     * a US-facing scenario is worth a second look; see {@code scenario.RegionHints}.
     */
    public static final java.util.Map<String, String> US_STATES = java.util.Map.ofEntries(
            java.util.Map.entry("AL", "Alabama"), java.util.Map.entry("AK", "Alaska"), java.util.Map.entry("AZ", "Arizona"),
            java.util.Map.entry("AR", "Arkansas"), java.util.Map.entry("CA", "California"), java.util.Map.entry("CO", "Colorado"),
            java.util.Map.entry("CT", "Connecticut"), java.util.Map.entry("DE", "Delaware"), java.util.Map.entry("DC", "District of Columbia"),
            java.util.Map.entry("FL", "Florida"), java.util.Map.entry("GA", "Georgia"), java.util.Map.entry("HI", "Hawaii"),
            java.util.Map.entry("ID", "Idaho"), java.util.Map.entry("IL", "Illinois"), java.util.Map.entry("IN", "Indiana"),
            java.util.Map.entry("IA", "Iowa"), java.util.Map.entry("KS", "Kansas"), java.util.Map.entry("KY", "Kentucky"),
            java.util.Map.entry("LA", "Louisiana"), java.util.Map.entry("ME", "Maine"), java.util.Map.entry("MD", "Maryland"),
            java.util.Map.entry("MA", "Massachusetts"), java.util.Map.entry("MI", "Michigan"), java.util.Map.entry("MN", "Minnesota"),
            java.util.Map.entry("MS", "Mississippi"), java.util.Map.entry("MO", "Missouri"), java.util.Map.entry("MT", "Montana"),
            java.util.Map.entry("NE", "Nebraska"), java.util.Map.entry("NV", "Nevada"), java.util.Map.entry("NH", "New Hampshire"),
            java.util.Map.entry("NJ", "New Jersey"), java.util.Map.entry("NM", "New Mexico"), java.util.Map.entry("NY", "New York"),
            java.util.Map.entry("NC", "North Carolina"), java.util.Map.entry("ND", "North Dakota"), java.util.Map.entry("OH", "Ohio"),
            java.util.Map.entry("OK", "Oklahoma"), java.util.Map.entry("OR", "Oregon"), java.util.Map.entry("PA", "Pennsylvania"),
            java.util.Map.entry("RI", "Rhode Island"), java.util.Map.entry("SC", "South Carolina"), java.util.Map.entry("SD", "South Dakota"),
            java.util.Map.entry("TN", "Tennessee"), java.util.Map.entry("TX", "Texas"), java.util.Map.entry("UT", "Utah"),
            java.util.Map.entry("VT", "Vermont"), java.util.Map.entry("VA", "Virginia"), java.util.Map.entry("WA", "Washington"),
            java.util.Map.entry("WV", "West Virginia"), java.util.Map.entry("WI", "Wisconsin"), java.util.Map.entry("WY", "Wyoming"));

    private Region() {
    }

    private static final java.util.SortedSet<String> SORTED_COUNTRIES =
            java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(COUNTRIES));

    /** The ISO 3166-1 alpha-2 country codes the loader accepts (the JDK's list), sorted; built once (the loader asks per region). */
    public static java.util.SortedSet<String> countries() {
        return SORTED_COUNTRIES;
    }

    /** The group codes: {@code EU}, {@code EEA}, {@code UK}. */
    public static java.util.SortedSet<String> groups() {
        return new java.util.TreeSet<>(GROUPS);
    }

    /** A region's English name ({@code DE} Germany, {@code US-CA} California, {@code EEA}), for messages. */
    public static String name(String code) {
        return switch (code) {
            case "EU" -> "the European Union";
            case "EEA" -> "the European Economic Area";
            case "UK" -> "the United Kingdom";
            default -> {
                if (code.startsWith("US-") && US_STATES.containsKey(code.substring(3))) {
                    yield US_STATES.get(code.substring(3));
                }
                yield COUNTRIES.contains(code) ? new Locale("", code).getDisplayCountry(Locale.ENGLISH) : code;
            }
        };
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

    /**
     * The regions {@code code} lies within, itself first: a subdivision's country, the UK for Great Britain,
     * the EU for a member state, the EEA for the EU and its members and IS, LI, NO ({@code US-CA} → US-CA, US;
     * {@code DE} → DE, EU, EEA). The regions a rule may ask a cohort to be in, so derived audiences are per each.
     */
    public static List<String> enclosing(String code) {
        java.util.LinkedHashSet<String> regions = new java.util.LinkedHashSet<>();
        regions.add(code);
        regions.add(country(code));
        if (canonical(country(code)).equals("GB")) {
            regions.add("UK");
        }
        for (String group : List.of("EU", "EEA")) {
            if (within(code, group)) {
                regions.add(group);
            }
        }
        return List.copyOf(regions);
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
