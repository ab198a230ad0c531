package dev.covenant.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The keys docs/scenario-format.md marks required are the keys the schema requires (which
 * ScenarioSchemaTest holds to the loader), for the top level and every kind of list element.
 */
class ScenarioFormatDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)`(?: / `([^`]+)`)? \\| ([^|]*(?:\\\\\\|[^|]*)*) \\|", Pattern.MULTILINE);
    private static final Map<String, String> ELEMENTS = Map.ofEntries(Map.entry("members[]", "cohort"),
            Map.entry("subjects[]", "subject"), Map.entry("promises[]", "promise"), Map.entry("documents[]", "document"),
            Map.entry("documents[].versions[]", "version"), Map.entry("...versions[]", "version"),
            Map.entry("settings[]", "setting"), Map.entry("practices[]", "practice"), Map.entry("models[]", "model"),
            Map.entry("orders[]", "order"), Map.entry("deletion_requests[]", "deletion_request"),
            Map.entry("breaches[]", "breach"));

    @Test
    void the_keys_the_format_page_marks_required_are_the_keys_the_loader_requires() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("schema/scenario.schema.json").toFile());
        Set<String> required = new TreeSet<>();
        schema.get("required").forEach(k -> required.add(k.asText()));
        schema.get("properties").get("platform").get("required").forEach(k -> required.add("platform." + k.asText()));
        ELEMENTS.forEach((prefix, def) -> {
            if (!prefix.startsWith("...")) {
                schema.get("$defs").get(def).get("required").forEach(k -> required.add(prefix + "." + k.asText()));
            }
        });

        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("docs/scenario-format.md")));
        while (row.find()) {
            String key = row.group(1).replace("...versions[]", "documents[].versions[]");
            String type = row.group(3);
            if (type.matches(".*(^|, )required\\s*$") || type.strip().endsWith(", required")) {
                documented.add(key);
            }
            Matcher named = Pattern.compile("\\(`([a-z_]+)` required\\)").matcher(type);
            while (named.find()) {
                documented.add(key.substring(0, key.lastIndexOf('.') + 1) + named.group(1));
            }
        }

        assertThat(documented).isEqualTo(required);
    }
}
