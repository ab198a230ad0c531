package dev.covenant.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.covenant.scenario.Node.ListNode;
import dev.covenant.scenario.Node.MapNode;
import dev.covenant.scenario.Node.ScalarNode;
import dev.covenant.source.Diagnostic;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A scenario file as JSON, typed the way YAML 1.2 editors type it (so {@code NO} and {@code on} are
 * strings, dates are strings): what a JSON Schema validator such as yaml-language-server sees.
 */
public final class YamlJson {

    private static final Pattern BOOL_12 = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT_12 = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT_12 = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The JSON form of a YAML file, or the diagnostics that kept it from being read. */
    public record Result(JsonNode json, List<Diagnostic> diagnostics) {
    }

    private YamlJson() {
    }

    public static Result convert(byte[] yaml, String file) {
        YamlTree.Result tree = YamlTree.read(file, yaml);
        return new Result(tree.root() == null ? null : json(tree.root()), tree.diagnostics());
    }

    private static JsonNode json(Node node) {
        if (node instanceof MapNode map) {
            ObjectNode object = NODES.objectNode();
            map.entries().forEach((key, entry) -> object.set(key, json(entry.value())));
            return object;
        }
        if (node instanceof ListNode list) {
            ArrayNode array = NODES.arrayNode();
            list.items().forEach(item -> array.add(json(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.text();
        return switch (scalar.type()) {
            case NULL -> NODES.nullNode();
            case BOOLEAN -> BOOL_12.matcher(text).matches() ? NODES.booleanNode(text.equalsIgnoreCase("true")) : NODES.textNode(text);
            case INTEGER -> INT_12.matcher(text).matches() ? NODES.numberNode(new BigInteger(text)) : NODES.textNode(text);
            case DECIMAL -> FLOAT_12.matcher(text).matches() ? NODES.numberNode(new BigDecimal(text)) : NODES.textNode(text);
            case STRING -> NODES.textNode(text);
        };
    }
}
