package dev.covenant.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two line-oriented formats record inputs come in: CSV with a header row (RFC 4180 quoting,
 * one record per line) and JSON Lines (one object per line). Lines are split into cells by column
 * index so that parsing can run on many threads while one thread reads lines.
 */
public enum RowFormat {
    CSV, JSON_LINES;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** By file name: {@code .csv}, {@code .jsonl} or {@code .ndjson}. */
    public static RowFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        return null;
    }

    /** A problem with one row, reported with its file and line. */
    public static final class RowException extends Exception {
        public RowException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Splits one CSV line into exactly {@code width} cells. Quoted cells may hold commas and doubled
     * quotes; an empty unquoted cell is null (absent).
     */
    public static String[] splitCsv(String line, int width) throws RowException {
        String[] cells = new String[width];
        int n = 0;
        int i = 0;
        int length = line.length();
        while (true) {
            String cell;
            if (i < length && line.charAt(i) == '"') {
                StringBuilder quoted = new StringBuilder();
                i++;
                while (true) {
                    if (i >= length) {
                        throw new RowException("unterminated quoted cell in column " + (n + 1)
                                + " (records must not span lines)");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < length && line.charAt(i) == '"') {
                            quoted.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        quoted.append(c);
                    }
                }
                if (i < length && line.charAt(i) != ',') {
                    throw new RowException("text after the closing quote in column " + (n + 1));
                }
                cell = quoted.toString();
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                cell = end == i ? null : line.substring(i, end);
                i = end;
            }
            if (n == width) {
                throw new RowException("more cells than the header's " + width + " columns");
            }
            cells[n++] = cell;
            if (i >= length) {
                break;
            }
            i++; // the comma
            if (i == length) {
                if (n == width) {
                    throw new RowException("more cells than the header's " + width + " columns");
                }
                cells[n++] = null;
                break;
            }
        }
        if (n != width) {
            throw new RowException(n + " cells; the header has " + width + " columns");
        }
        return cells;
    }

    /** Splits one line of a file into cells in the columns' order. Serializable, so Spark tasks can carry it. */
    public interface Splitter extends java.io.Serializable {
        String[] cells(String line) throws RowException;
    }

    /** How lines of a JSON Lines file become cells. */
    public static Splitter jsonLines(Columns columns) {
        return line -> splitJson(line, columns);
    }

    /**
     * How data lines of a CSV file with this header become cells in the columns' order; a header
     * with an unknown, repeated or missing column is refused.
     */
    public static Splitter csv(String headerLine, Columns columns) throws RowException {
        int[] map = columns.mapHeader(csvHeader(headerLine));
        int width = map.length;
        int size = columns.size();
        return line -> {
            String[] raw = splitCsv(line, width);
            String[] cells = new String[size];
            for (int i = 0; i < width; i++) {
                cells[map[i]] = raw[i];
            }
            return cells;
        };
    }

    /**
     * A file's first line without a UTF-8 byte order mark. Spreadsheet exports write one; like
     * Python's {@code utf-8-sig} and RFC 8259 §8.1 (a parser may ignore it), it is dropped, from the
     * start of a file only — the same for CSV and JSON Lines, embedded and on Spark.
     */
    public static String withoutBom(String firstLine) {
        return firstLine.startsWith("\uFEFF") ? firstLine.substring(1) : firstLine;
    }

    /** The header row of a CSV file, as column names. */
    public static List<String> csvHeader(String line) throws RowException {
        String text = withoutBom(line);
        List<String> names = new ArrayList<>();
        int width = text.isEmpty() ? 0 : (int) text.chars().filter(c -> c == ',').count() + 1;
        for (String cell : splitCsv(text, width)) {
            names.add(cell == null ? "" : cell.strip());
        }
        return names;
    }

    /**
     * Reads one JSON Lines object into cells by column. Values may be strings, numbers, booleans or
     * null; nested values and unknown keys are errors.
     */
    public static String[] splitJson(String line, Columns columns) throws RowException {
        String[] cells = new String[columns.size()];
        boolean[] seen = new boolean[columns.size()];
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new RowException("expected a JSON object on the line");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int index = columns.indexOf(key);
                if (index < 0) {
                    throw new RowException("unknown key '" + key + "'; expected: " + columns.describe());
                }
                if (seen[index]) {
                    // A repeated key is a conflict, not an update: which of the two values is meant is unknown.
                    throw new RowException("key '" + key + "' appears twice");
                }
                seen[index] = true;
                JsonToken value = parser.nextToken();
                switch (value) {
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> cells[index] = parser.getText();
                    case VALUE_NULL -> cells[index] = null;
                    default -> throw new RowException("'" + key + "' must be a string, number, boolean or null");
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new RowException("one JSON object per line expected");
            }
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new RowException("not valid JSON: " + message);
        }
        return cells;
    }

    /** The columns of one kind of input, in a fixed order, with the ones a row must have. */
    public record Columns(List<String> names, List<String> required) implements java.io.Serializable {

        public int size() {
            return names.size();
        }

        public int indexOf(String name) {
            return names.indexOf(name);
        }

        public String describe() {
            return String.join(", ", names);
        }

        /**
         * Where each header column goes (index into {@link #names}), or the reason the header is
         * unusable: an unknown or repeated column, or a required one missing.
         */
        public int[] mapHeader(List<String> header) throws RowException {
            int[] map = new int[header.size()];
            boolean[] seen = new boolean[names.size()];
            for (int i = 0; i < header.size(); i++) {
                int index = names.indexOf(header.get(i));
                if (index < 0) {
                    throw new RowException("unknown column '" + header.get(i) + "'; expected: " + describe());
                }
                if (seen[index]) {
                    throw new RowException("column '" + header.get(i) + "' appears twice");
                }
                seen[index] = true;
                map[i] = index;
            }
            List<String> missing = required.stream().filter(r -> !seen[names.indexOf(r)]).toList();
            if (!missing.isEmpty()) {
                throw new RowException("missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
            }
            return map;
        }
    }
}
