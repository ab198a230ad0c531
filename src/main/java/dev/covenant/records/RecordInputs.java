package dev.covenant.records;

import dev.covenant.model.Keyed;
import dev.covenant.model.ProcessorPurpose;
import dev.covenant.model.Region;
import dev.covenant.model.Relationship;
import dev.covenant.model.Taxonomy;
import dev.covenant.records.RowFormat.Columns;
import dev.covenant.records.RowFormat.RowException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The columns of the two record inputs and how a row of each becomes typed values (or a row error). */
public final class RecordInputs {

    /** A data-use log or training manifest: one row per use of a data item. */
    public static final Columns USES = new Columns(
            List.of("record_id", "member_id", "tier", "region", "data_category", "collected_at", "use", "used_at",
                    "recipient", "relationship", "model", "member_age"),
            List.of("record_id", "member_id", "tier", "region", "data_category", "use", "used_at"));

    /** A member settings history: one row per change. */
    public static final Columns SETTINGS = new Columns(
            List.of("member_id", "setting_id", "value", "changed_at"),
            List.of("member_id", "setting_id", "value", "changed_at"));

    private static final java.util.Map<String, Relationship> RELATIONSHIPS = java.util.Arrays.stream(Relationship.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Relationship::key, r -> r));

    private RecordInputs() {
    }

    /** The values of the {@code relationship} column: a processor's is written with its purpose, {@code processor:host}. */
    static String relationshipChoices() {
        return java.util.Arrays.stream(Relationship.values())
                .map(r -> r == Relationship.PROCESSOR ? processorChoices() : r.key())
                .collect(java.util.stream.Collectors.joining(" | "));
    }

    private static String processorChoices() {
        return java.util.Arrays.stream(ProcessorPurpose.values())
                .map(p -> Relationship.PROCESSOR.key() + ":" + p.key())
                .collect(java.util.stream.Collectors.joining(" | "));
    }

    /** One use row (cells in {@link #USES} order) joined with the member's settings on the use date. */
    public static UseRecord use(String[] c, String source, long line, SettingsHistory history) throws RowException {
        String recordId = id(c, USES, 0);
        String member = id(c, USES, 1);
        String tier = id(c, USES, 2);
        String region = required(c, USES, 3);
        if (!Region.isValid(region)) {
            throw new RowException("region: unknown region code '" + region + "' (ISO 3166 country or subdivision, EU, EEA)");
        }
        String category = required(c, USES, 4);
        if (!Taxonomy.isCategory(category)) {
            throw new RowException("data_category: '" + category + "' is not a Fides data category");
        }
        LocalDate collected = c[5] == null ? null : date("collected_at", c[5]);
        String use = required(c, USES, 6);
        if (!Taxonomy.isUse(use)) {
            throw new RowException("use: '" + use + "' is not a Fides data use");
        }
        LocalDate used = date("used_at", required(c, USES, 7));
        if (collected != null && collected.isAfter(used)) {
            throw new RowException("collected_at " + collected + " is after used_at " + used);
        }
        Relationship relationship = null;
        ProcessorPurpose purpose = null;
        if (c[9] != null) {
            String text = c[9];
            int colon = text.indexOf(':');
            relationship = RELATIONSHIPS.get(colon < 0 ? text : text.substring(0, colon));
            if (relationship == null) {
                throw new RowException("relationship: unknown value '" + c[9] + "'; expected one of: " + relationshipChoices());
            }
            if (colon >= 0) {
                if (relationship != Relationship.PROCESSOR) {
                    throw new RowException("relationship: '" + c[9] + "': only a processor says what it does with the data ("
                            + processorChoices() + ")");
                }
                purpose = Keyed.parse(ProcessorPurpose.class, text.substring(colon + 1)).orElseThrow(() -> new RowException(
                        "relationship: unknown processor purpose in '" + c[9] + "'; expected one of: " + relationshipChoices()));
            } else if (relationship == Relationship.PROCESSOR) {
                // What a processor does decides whether the SCA reads it as divulging (§ 2702(b)(4), (b)(5)): stated, never guessed.
                throw new RowException("relationship: 'processor' needs what it does with the data; expected one of: "
                        + processorChoices());
            }
        } else if (c[8] != null) {
            throw new RowException("recipient '" + c[8] + "' needs a relationship (" + relationshipChoices() + ")");
        }
        Integer age = null;
        if (c[11] != null) {
            try {
                // ASCII digits only: Integer.valueOf also reads other scripts' digits (٤٠ as 40).
                if (!c[11].strip().matches("[0-9]{1,3}")) {
                    throw new NumberFormatException(c[11]);
                }
                age = Integer.valueOf(c[11].strip());
            } catch (NumberFormatException e) {
                throw new RowException("member_age: '" + c[11] + "' is not a whole number of years");
            }
            if (age < 0 || age > 150) {
                throw new RowException("member_age: " + age + " is out of range 0-150");
            }
        }
        return new UseRecord(recordId, member, tier, region, category, collected, use, used, plain("recipient", c[8]), relationship, purpose,
                plain("model", c[10]), age,
                source, line, history.at(member, region, use, used));
    }

    /** One settings-history row (read from {@code line}), added to the builder; false when the history is over its limit. */
    public static boolean change(String[] c, long line, SettingsHistory.Builder history) throws RowException {
        String member = id(c, SETTINGS, 0);
        String setting = required(c, SETTINGS, 1);
        String problem = history.check(setting);
        if (problem != null) {
            throw new RowException("setting_id: " + problem);
        }
        boolean on = switch (required(c, SETTINGS, 2).strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "1", "yes" -> true;
            case "off", "false", "0", "no" -> false;
            default -> throw new RowException("value: '" + c[2] + "' is not on or off (on/off, true/false, 1/0, yes/no)");
        };
        return history.add(member, setting, on, changedAt(required(c, SETTINGS, 3)), line);
    }

    /**
     * A changed_at: its UTC instant (a date-time without an offset is read as UTC), to the
     * millisecond; a date alone is that day's start, and marked as such (its time is unknown).
     */
    static SettingsHistory.ChangedAt changedAt(String text) throws RowException {
        LocalDate day = date("changed_at", text);
        String t = text.strip();
        if (t.length() == 10) {
            return new SettingsHistory.ChangedAt(day.toEpochDay() * 86_400_000L, true);
        }
        java.time.Instant instant = t.endsWith("Z") || t.lastIndexOf('+') > 9 || t.lastIndexOf('-') > 9
                ? OffsetDateTime.parse(t).toInstant() : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        return new SettingsHistory.ChangedAt(instant.toEpochMilli(), false);
    }

    /**
     * A required identifier: no control characters (a NUL, a tab, an escape), which JSON Lines can
     * carry as escapes and which would end up in findings and in the keys rows are joined and counted by.
     */
    private static String id(String[] cells, Columns columns, int index) throws RowException {
        return plain(columns.names().get(index), required(cells, columns, index));
    }

    private static String plain(String column, String value) throws RowException {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.getType(ch) == Character.CONTROL) {
                throw new RowException(column + ": control character U+" + String.format(java.util.Locale.ROOT, "%04X", (int) ch)
                        + " at position " + (i + 1) + "; identifiers must be printable text");
            }
        }
        return value;
    }

    private static String required(String[] cells, Columns columns, int index) throws RowException {
        String value = cells[index];
        if (value == null || value.isBlank()) {
            throw new RowException("missing " + columns.names().get(index));
        }
        return value;
    }

    /** {@code YYYY-MM-DD} without the formatter machinery (a record has two dates; this is a hot path). */
    private static LocalDate plainDate(String t) {
        if (t.charAt(4) != '-' || t.charAt(7) != '-') {
            throw new DateTimeParseException("not YYYY-MM-DD", t, 0);
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException(e.getMessage(), t, 0);
        }
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeParseException("not a digit", t, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Dates outside these years are mistakes, and far-future ones would wrap in the history's packing. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2999;

    /** A date ({@code 2024-09-18}) or a date-time with an offset or none (its date; UTC for an offset). */
    static LocalDate date(String column, String text) throws RowException {
        String t = text.strip();
        LocalDate date;
        try {
            if (t.length() == 10) {
                date = plainDate(t);
            } else if (t.endsWith("Z") || t.lastIndexOf('+') > 9 || t.lastIndexOf('-') > 9) {
                date = OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            } else {
                date = LocalDateTime.parse(t).toLocalDate();
            }
        } catch (DateTimeParseException e) {
            throw new RowException(column + ": '" + text + "' is not a date (YYYY-MM-DD) or ISO date-time");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new RowException(column + ": '" + text + "' is out of range (years " + FIRST_YEAR + " to " + LAST_YEAR + ")");
        }
        return date;
    }
}
