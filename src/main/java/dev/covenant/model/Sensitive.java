package dev.covenant.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * Sensitive data, one definition per law: which Fides data categories each statute or enforcement practice lists.
 * The definitions differ — GDPR Art. 9(1) has political opinions but not precise location; the CCPA has precise
 * location, government ids and message contents but not political opinions; the FTC's practice counts browsing and
 * children's data that neither lists — so a rule asks "is this category sensitive under <em>this</em> law", never
 * lists keys itself. The table is {@code sensitive-data.csv} beside this class, one row per key with a note giving
 * the definition's words; a category takes the row of its most specific listed ancestor, and one with no listed
 * ancestor is sensitive under none. A cell may list a key only from a date (the CCPA's citizenship and immigration
 * status, from 2024-01-01), so a definition is read for the conduct's dates.
 */
public enum Sensitive {

    /** Special categories of personal data, processing of which is prohibited absent an Art. 9(2) condition. */
    GDPR_SPECIAL_CATEGORY("gdpr-art-9", "special categories of personal data",
            "GDPR Art. 9(1) (racial or ethnic origin, political opinions, religious or philosophical beliefs, trade union"
                    + " membership, genetic data, biometric data for the purpose of uniquely identifying a person, health,"
                    + " sex life or sexual orientation); Art. 4(13)–(15)"),
    /** Sensitive personal information under the CPRA's definition. */
    CCPA_SENSITIVE("ccpa-sensitive", "sensitive personal information",
            "Cal. Civ. Code § 1798.140(ae) (government ids, account log-in and financial account with access codes,"
                    + " precise geolocation, racial or ethnic origin, citizenship or immigration status, religious or"
                    + " philosophical beliefs, union membership, contents of mail, email and texts, genetic data, neural"
                    + " data from 2025-01-01, biometric information for identification, health, sex life or sexual orientation)"),
    /** The categories the FTC has treated as sensitive in its unfairness cases. */
    FTC_SENSITIVE("ftc-sensitive", "sensitive data in FTC enforcement",
            "FTC enforcement practice: health (In re GoodRx, 2023; In re BetterHelp, 2023), precise location (FTC v."
                    + " Kochava, 2022; In re X-Mode, 2024; In re InMarket, 2024), browsing (In re Avast, 2024), biometric"
                    + " (In re Everalbum, 2021; FTC v. Rite Aid, 2023) and children's data"),
    /** Biometric identifiers under Illinois' Biometric Information Privacy Act. */
    BIPA_BIOMETRIC_IDENTIFIER("bipa-biometric", "biometric identifier (Illinois)",
            "740 ILCS 14/10 (a retina or iris scan, fingerprint, voiceprint, or scan of hand or face geometry; not"
                    + " photographs, writing samples or physical descriptions)"),
    /** Biometric identifiers under the Texas capture-or-use statute. */
    TEXAS_BIOMETRIC_IDENTIFIER("texas-biometric", "biometric identifier (Texas)",
            "Tex. Bus. & Com. Code § 503.001(a) (a retina or iris scan, fingerprint, voiceprint, or record of hand or"
                    + " face geometry)"),
    /** Identifiable health information in a personal health record under the FTC's Health Breach Notification Rule. */
    HEALTH_RECORD_INFORMATION("hbnr-health", "PHR identifiable health information",
            "16 C.F.R. § 318.2 (individually identifiable health information, 42 U.S.C. § 1320d(6), in a personal"
                    + " health record)");

    /** The table's resource, beside this class. */
    public static final String TABLE = "sensitive-data.csv";

    private final String column;
    private final String term;
    private final String source;

    Sensitive(String column, String term, String source) {
        this.column = column;
        this.term = term;
        this.source = source;
    }

    /** The table's column for this definition. */
    public String column() {
        return column;
    }

    /** What the law calls such data, for messages. */
    public String term() {
        return term;
    }

    /** Where the definition comes from, for docs/rules.md. */
    public String source() {
        return source;
    }

    /** True when {@code category} is sensitive under this definition as it stands today. */
    public boolean includes(String category) {
        return includesOn(category, LocalDate.MAX);
    }

    /** True when {@code category} is sensitive under this definition for conduct on {@code day}. */
    public boolean includesOn(String category, LocalDate day) {
        Row row = Table.rowFor(category);
        LocalDate from = row == null ? null : row.from().get(this);
        return from != null && !day.isBefore(from);
    }

    /** True when some category of {@code categories} is sensitive under this definition as it stands today. */
    public boolean anyOf(Collection<String> categories) {
        return !among(categories).isEmpty();
    }

    /** The categories of {@code categories} sensitive under this definition as it stands today, sorted. */
    public List<String> among(Collection<String> categories) {
        return amongOn(categories, LocalDate.MAX);
    }

    /**
     * The categories of {@code categories} sensitive under this definition for some day of conduct ending
     * {@code lastDay}: a key the definition lists from a date counts when the conduct reached that date.
     */
    public List<String> amongOn(Collection<String> categories, LocalDate lastDay) {
        return categories.stream().filter(c -> includesOn(c, lastDay)).distinct().sorted().toList();
    }

    /** One row of the table: the key, from when each definition lists it (absent: never), and its note. */
    public record Row(String key, Map<Sensitive, LocalDate> from, String note) {
        public Row {
            EnumMap<Sensitive, LocalDate> copy = new EnumMap<>(Sensitive.class);
            copy.putAll(from);
            from = Collections.unmodifiableMap(copy);
        }
    }

    /** The table's rows in file order, for docs and checks. */
    public static List<Row> rows() {
        return List.copyOf(Table.ROWS.values());
    }

    /** Reads the table once, failing loudly (the jar is broken) on a malformed row. */
    private static final class Table {
        private static final Map<String, Row> ROWS = load();

        static Row rowFor(String category) {
            // The most specific listed ancestor decides: strip trailing segments until a row is found.
            for (String key = category; ; key = key.substring(0, key.lastIndexOf('.'))) {
                Row row = ROWS.get(key);
                if (row != null) {
                    return row;
                }
                if (key.indexOf('.') < 0) {
                    return null;
                }
            }
        }

        private static Map<String, Row> load() {
            try (InputStream in = Sensitive.class.getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException("sensitive-data table missing from the jar: " + TABLE);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                CsvLineParser csv = new CsvLineParser();
                Map<String, Row> rows = new LinkedHashMap<>();
                List<String> header = null;
                int lineNo = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lineNo++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    List<String> cells = csv.parse(line);
                    if (header == null) {
                        header = cells;
                        check(header.size() == values().length + 2 && header.get(0).equals("key")
                                && header.get(header.size() - 1).equals("note"), lineNo, "header must be key, "
                                + "one column per definition, note");
                        for (Sensitive s : values()) {
                            check(header.get(s.ordinal() + 1).equals(s.column), lineNo, "column " + (s.ordinal() + 2)
                                    + " must be " + s.column);
                        }
                        continue;
                    }
                    check(cells.size() == header.size(), lineNo, "expected " + header.size() + " cells, found " + cells.size());
                    String key = cells.get(0);
                    check(Taxonomy.isCategory(key), lineNo, "not a data category: " + key);
                    Map<Sensitive, LocalDate> from = new EnumMap<>(Sensitive.class);
                    for (Sensitive s : values()) {
                        String cell = cells.get(s.ordinal() + 1).strip();
                        if (cell.equals("yes")) {
                            from.put(s, LocalDate.MIN);
                        } else if (cell.startsWith("from ")) {
                            try {
                                from.put(s, LocalDate.parse(cell.substring(5)));
                            } catch (DateTimeParseException e) {
                                check(false, lineNo, "not a date: " + cell);
                            }
                        } else {
                            check(cell.equals("no"), lineNo, s.column + " must be yes, no or from YYYY-MM-DD, not " + cell);
                        }
                    }
                    check(rows.put(key, new Row(key, from, cells.get(cells.size() - 1))) == null, lineNo, "duplicate key " + key);
                }
                check(header != null, lineNo, "no header");
                return Collections.unmodifiableMap(rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void check(boolean ok, int line, String problem) {
            if (!ok) {
                throw new IllegalStateException(TABLE + ":" + line + ": " + problem);
            }
        }
    }

    /** The keys listed under this definition at some date, sorted; for docs. */
    public List<String> listedKeys() {
        List<String> keys = new ArrayList<>();
        new TreeSet<>(Table.ROWS.keySet()).forEach(k -> {
            if (Table.ROWS.get(k).from().containsKey(this)) {
                keys.add(k);
            }
        });
        return keys;
    }
}
