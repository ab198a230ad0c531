package dev.covenant.model;

import java.util.List;
import java.util.Map;

/**
 * The age from which a child may consent alone to an information society service offered directly to them (GDPR
 * Art. 8(1): 16, unless a member state's law sets 13, 14 or 15; the UK 13, Data Protection Act 2018 s. 9), per
 * country, as data: one row a country, each with its source. Rows are checked against the European Commission's
 * Staff Working Document SWD(2020) 115 final of 2020-06-24 (p. 17, the member states' choices) and the national
 * provision where named (the Bird & Bird GDPR tracker's national entries, reviewed 2018-2019, agree for AT, BE, CZ,
 * DK, FI, FR, IE, IT, NL, SK, ES and SE); a country whose age was not checked here keeps the GDPR's 16 and says so.
 * Each row is the national age as it now stands: before a member state's law lowered it, the GDPR's 16 applied,
 * which the table does not date.
 */
public record DigitalConsentAge(String country, int age, String source, boolean checked) {

    /** The GDPR's own age, for a member state that did not lower it (or whose choice is not checked here). */
    public static final int GDPR_DEFAULT = 16;

    private static final String SWD = "European Commission SWD(2020) 115, p. 17";

    private static final Map<String, DigitalConsentAge> BY_COUNTRY = Map.ofEntries(
            row("AT", 14, "Datenschutzgesetz § 4(4)"),
            row("BE", 13, "national law"),
            row("BG", 14, "national law"),
            row("HR", 16, "no lower age set"),
            row("CY", 14, "national law"),
            row("CZ", 15, "Act No. 110/2019 Coll., s. 7"),
            row("DK", 13, "Databeskyttelsesloven § 6(3)"),
            row("EE", 13, "national law"),
            row("FI", 13, "national law"),
            row("FR", 15, "Loi n° 78-17, as amended in 2018"),
            row("DE", 16, "no lower age set"),
            row("GR", 15, "national law"),
            row("HU", 16, "no lower age set"),
            row("IE", 16, "Data Protection Act 2018, s. 31"),
            row("IT", 14, "Codice in materia di protezione dei dati personali, art. 2-quinquies"),
            row("LV", 13, "national law"),
            row("LT", 14, "national law"),
            row("LU", 16, "no lower age set"),
            row("MT", 13, "national law"),
            row("NL", 16, "no lower age set"),
            row("PL", 16, "no lower age set"),
            row("PT", 13, "national law"),
            row("RO", 16, "no lower age set"),
            row("SK", 16, "no lower age set"),
            row("ES", 14, "Ley Orgánica 3/2018, art. 7"),
            row("SE", 13, "national law"),
            unchecked("SI"),
            unchecked("IS"),
            unchecked("LI"),
            unchecked("NO"),
            Map.entry("GB", new DigitalConsentAge("GB", 13, "Data Protection Act 2018, s. 9 (UK GDPR Art. 8(1) from 2021-01-01)", true)));

    private static Map.Entry<String, DigitalConsentAge> row(String country, int age, String law) {
        return Map.entry(country, new DigitalConsentAge(country, age, law + "; " + SWD, true));
    }

    private static Map.Entry<String, DigitalConsentAge> unchecked(String country) {
        return Map.entry(country, new DigitalConsentAge(country, GDPR_DEFAULT,
                "GDPR Art. 8(1)'s default; the national age is not checked here and may be lower", false));
    }

    /**
     * The age where people in {@code region} live: their country's row, the GDPR's 16 for people placed only in the
     * EU or the EEA, none (an empty list) outside the EEA and the UK.
     */
    public static List<DigitalConsentAge> of(String region) {
        String country = Region.country(region).equals("UK") ? "GB" : Region.country(region);
        DigitalConsentAge row = BY_COUNTRY.get(country);
        if (row != null) {
            return List.of(row);
        }
        if (region.equals("EU") || region.equals("EEA")) {
            return List.of(new DigitalConsentAge(region, GDPR_DEFAULT, "GDPR Art. 8(1)'s default (no member state named)", false));
        }
        return List.of();
    }

    /** True when some of {@code cohort}'s members are younger than this age (their ages stated). */
    public boolean above(Cohort cohort) {
        return cohort.someYoungerThan(age);
    }

    @Override
    public String toString() {
        return age + " in " + Region.name(country);
    }
}
