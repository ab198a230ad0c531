package dev.covenant.scenario;

import dev.covenant.source.SourceSpan;
import java.util.List;
import java.util.Map;

/** A YAML value with the place it was written; the loader binds these to typed facts. */
sealed interface Node {

    SourceSpan span();

    /** What a user would call this kind of value, for "expected X, got Y" messages. */
    String describe();

    /** A mapping, keys in file order. */
    record MapNode(SourceSpan span, Map<String, Entry> entries) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with the key's own position. */
    record Entry(String key, SourceSpan keySpan, Node value) {
    }

    /** A sequence. */
    record ListNode(SourceSpan span, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar, with its source text as written (so {@code NO} stays "NO") and how YAML typed it. */
    record ScalarNode(SourceSpan span, String text, Type type) implements Node {

        /** YAML's implicit type for the scalar. */
        enum Type { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (type) {
                case NULL -> "null";
                case STRING -> "the string \"" + abbreviate(text) + "\"";
                default -> type.name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(text);
            };
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 37) + "...";
        }
    }
}
