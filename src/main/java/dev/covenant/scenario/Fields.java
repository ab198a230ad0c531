package dev.covenant.scenario;

import dev.covenant.model.Keyed;
import dev.covenant.scenario.Node.Entry;
import dev.covenant.scenario.Node.ListNode;
import dev.covenant.scenario.Node.MapNode;
import dev.covenant.scenario.Node.ScalarNode;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed, strict access to one YAML mapping at a path such as {@code practices[0]}. Every read that
 * fails adds a diagnostic and returns empty, so one pass over a file reports all its problems.
 */
final class Fields {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final MapNode node;
    private final String path;
    private final List<Diagnostic> diagnostics;

    private Fields(MapNode node, String path, List<Diagnostic> diagnostics) {
        this.node = node;
        this.path = path;
        this.diagnostics = diagnostics;
    }

    /** Opens {@code value} as a mapping with exactly the {@code allowed} keys, or reports why not. */
    static Optional<Fields> open(Node value, String path, Set<String> allowed, List<Diagnostic> diagnostics) {
        if (!(value instanceof MapNode map)) {
            diagnostics.add(new Diagnostic(value.span(), where(path) + " must be a mapping, got " + value.describe()));
            return Optional.empty();
        }
        Fields fields = new Fields(map, path, diagnostics);
        for (Entry entry : map.entries().values()) {
            if (!allowed.contains(entry.key())) {
                fields.report(entry.keySpan(), "unknown key '" + entry.key() + "' in " + where(path)
                        + Suggestions.didYouMean(entry.key(), allowed) + "; expected one of: " + String.join(", ", sorted(allowed)));
            }
        }
        return Optional.of(fields);
    }

    String path() {
        return path;
    }

    SourceSpan span() {
        return node.span().withPath(path);
    }

    SourceSpan spanOf(String key) {
        Entry entry = node.entries().get(key);
        return entry == null ? span() : entry.value().span().withPath(child(key));
    }

    boolean has(String key) {
        Entry entry = node.entries().get(key);
        return entry != null && !isNull(entry.value());
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The source text of a scalar key, or null; reports nothing (for cross-checks such as duplicate ids). */
    String peek(String key) {
        Entry entry = node.entries().get(key);
        return entry != null && entry.value() instanceof ScalarNode s && s.type() != ScalarNode.Type.NULL ? s.text() : null;
    }

    /** A required string; reports a missing key at the mapping. */
    Optional<String> requiredString(String key) {
        if (!has(key)) {
            missing(key);
            return Optional.empty();
        }
        return string(key);
    }

    /** An optional string taken from the scalar's source text, so {@code NO} or {@code on} stay as written. */
    Optional<String> string(String key) {
        return scalar(key, "a string").flatMap(s -> {
            if (s.text().isBlank()) {
                report(s.span(), "'" + key + "' in " + where(path) + " must not be empty");
                return Optional.empty();
            }
            return Optional.of(s.text());
        });
    }

    Optional<LocalDate> requiredDate(String key) {
        if (!has(key)) {
            missing(key);
            return Optional.empty();
        }
        return date(key);
    }

    Optional<LocalDate> date(String key) {
        return scalar(key, "a date (YYYY-MM-DD)").flatMap(s -> parseDate(s, key));
    }

    Optional<Long> count(String key) {
        return scalar(key, "a whole number").flatMap(s -> {
            if (s.type() != ScalarNode.Type.INTEGER) {
                report(s.span(), "'" + key + "' in " + where(path) + " must be a whole number, got " + s.describe());
                return Optional.empty();
            }
            try {
                long value = Long.parseLong(s.text().replace("_", ""));
                if (value < 0) {
                    report(s.span(), "'" + key + "' in " + where(path) + " must not be negative, got " + value);
                    return Optional.empty();
                }
                return Optional.of(value);
            } catch (NumberFormatException e) {
                report(s.span(), "'" + key + "' in " + where(path) + " is not a whole number that fits 64 bits: " + s.text());
                return Optional.empty();
            }
        });
    }

    /** The words a flag may be written as, in any case (the schema's {@code flag} is generated from these). */
    static final List<String> TRUE_WORDS = List.of("true", "on", "yes");
    static final List<String> FALSE_WORDS = List.of("false", "off", "no");

    /** A boolean; accepts true/false and YAML 1.1's on/off/yes/no, case-insensitively. */
    Optional<Boolean> flag(String key) {
        return scalar(key, "on/off or true/false").flatMap(s -> {
            String word = s.text().toLowerCase(java.util.Locale.ROOT);
            if (TRUE_WORDS.contains(word) || FALSE_WORDS.contains(word)) {
                return Optional.of(TRUE_WORDS.contains(word));
            }
            report(s.span(), "'" + key + "' in " + where(path) + " must be on/off or true/false, got " + s.describe());
            return Optional.empty();
        });
    }

    <E extends Enum<E> & Keyed> Optional<E> choice(String key, Class<E> type) {
        return string(key).flatMap(text -> parseChoice(text, type, spanOf(key), "'" + key + "' in " + where(path)));
    }

    <E extends Enum<E> & Keyed> Optional<E> requiredChoice(String key, Class<E> type) {
        if (!has(key)) {
            missing(key);
            return Optional.empty();
        }
        return choice(key, type);
    }

    <E extends Enum<E> & Keyed> Optional<E> parseChoice(String text, Class<E> type, SourceSpan at, String what) {
        Optional<E> value = Keyed.parse(type, text);
        if (value.isEmpty()) {
            List<String> keys = java.util.Arrays.stream(type.getEnumConstants()).map(Keyed::key).toList();
            report(at, what + " has unknown value '" + text + "'" + Suggestions.didYouMean(text, keys)
                    + "; expected one of: " + Keyed.choices(type));
        }
        return value;
    }

    /**
     * A list of strings, each checked by {@code check} (which returns an error message or null).
     * Absent or null gives an empty list.
     */
    List<String> strings(String key, Function<String, String> check) {
        return new ArrayList<>(locatedStrings(key, check).keySet());
    }

    /** Like {@link #strings} but with where each string was written (a repeated string keeps its first place). */
    java.util.LinkedHashMap<String, SourceSpan> locatedStrings(String key, Function<String, String> check) {
        java.util.LinkedHashMap<String, SourceSpan> values = new java.util.LinkedHashMap<>();
        int i = 0;
        for (Node item : list(key)) {
            String itemPath = child(key) + "[" + i++ + "]";
            if (!(item instanceof ScalarNode s) || s.type() == ScalarNode.Type.NULL || s.text().isBlank()) {
                report(item.span(), where(itemPath) + " must be a string, got " + item.describe());
                continue;
            }
            String problem = check.apply(s.text());
            if (problem != null) {
                report(s.span(), where(itemPath) + ": " + problem);
                continue;
            }
            values.putIfAbsent(s.text(), s.span().withPath(itemPath));
        }
        return values;
    }

    /** Each element of a list of mappings, opened with the {@code allowed} keys. */
    List<Fields> objects(String key, Set<String> allowed) {
        List<Fields> values = new ArrayList<>();
        int i = 0;
        for (Node item : list(key)) {
            open(item, child(key) + "[" + i++ + "]", allowed, diagnostics).ifPresent(values::add);
        }
        return values;
    }

    /** A nested mapping, opened with the {@code allowed} keys; empty when absent. */
    Optional<Fields> object(String key, Set<String> allowed) {
        if (!has(key)) {
            return Optional.empty();
        }
        return open(node.entries().get(key).value(), child(key), allowed, diagnostics);
    }

    Optional<Fields> requiredObject(String key, Set<String> allowed) {
        if (!has(key)) {
            missing(key);
            return Optional.empty();
        }
        return object(key, allowed);
    }

    void report(SourceSpan at, String message) {
        diagnostics.add(new Diagnostic(at, message));
    }

    private List<Node> list(String key) {
        if (!has(key)) {
            return List.of();
        }
        Node value = node.entries().get(key).value();
        if (value instanceof ListNode list) {
            return list.items();
        }
        report(value.span(), "'" + key + "' in " + where(path) + " must be a list, got " + value.describe());
        return List.of();
    }

    private Optional<ScalarNode> scalar(String key, String expected) {
        if (!has(key)) {
            return Optional.empty();
        }
        Node value = node.entries().get(key).value();
        if (value instanceof ScalarNode s) {
            return Optional.of(s);
        }
        report(value.span(), "'" + key + "' in " + where(path) + " must be " + expected + ", got " + value.describe());
        return Optional.empty();
    }

    private Optional<LocalDate> parseDate(ScalarNode s, String key) {
        String text = s.text();
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                // falls through to the diagnostic: the shape is right but the day does not exist
            }
        }
        report(s.span(), "'" + key + "' in " + where(path) + " is not a valid date (YYYY-MM-DD): \"" + text + "\"");
        return Optional.empty();
    }

    private void missing(String key) {
        report(span(), "missing required key '" + key + "' in " + where(path));
    }

    /** Null, or a key written with no value at all ({@code settings:}), which YAML reads as empty text. */
    private static boolean isNull(Node value) {
        return value instanceof ScalarNode s && (s.type() == ScalarNode.Type.NULL || (s.type() == ScalarNode.Type.STRING && s.text().isEmpty()));
    }

    static String where(String path) {
        return path.isEmpty() ? "the scenario" : path;
    }

    private static List<String> sorted(Collection<String> keys) {
        return keys.stream().sorted().toList();
    }
}
