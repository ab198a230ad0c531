package dev.covenant.scenario;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.covenant.model.Keyed;
import dev.covenant.model.LegalBasis;
import dev.covenant.model.Method;
import dev.covenant.model.ProcessorPurpose;
import dev.covenant.model.PromiseKind;
import dev.covenant.model.Region;
import dev.covenant.model.Relationship;
import dev.covenant.model.Service;
import dev.covenant.model.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes the vocabularies into schema/scenario.schema.json from the one place each is owned (Region,
 * Taxonomy, the Keyed enumerations, Fields' flag words), so the schema is exactly as strict as the loader.
 */
final class SchemaVocabulary {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A day that exists, as {@code LocalDate.parse} reads YYYY-MM-DD: editors do not assert
     * {@code "format": "date"}, so the pattern itself rules out 2025-02-30 and 2023-02-29.
     */
    static final String DATE = "^(\\d{4}-(0[13578]|1[02])-(0[1-9]|[12]\\d|3[01])|\\d{4}-(0[469]|11)-(0[1-9]|[12]\\d|30)"
            + "|\\d{4}-02-(0[1-9]|1\\d|2[0-8])|(\\d{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)$";

    private SchemaVocabulary() {
    }

    static String apply(String schemaText) {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(schemaText);
            ObjectNode defs = (ObjectNode) schema.get("$defs");
            defs.set("region", region());
            enumeration(defs.with("category"), new TreeSet<>(Taxonomy.categories()));
            enumeration(defs.with("use"), new TreeSet<>(Taxonomy.uses()));
            enumeration(defs.with("method"), keys(Method.class));
            enumeration(at(schema, "properties", "platform", "properties", "services", "items"), keys(Service.class));
            enumeration(at(defs, "promise", "properties", "kind"), keys(PromiseKind.class));
            enumeration(at(defs, "practice", "properties", "recipients", "items", "properties", "relationship"), keys(Relationship.class));
            enumeration(at(defs, "practice", "properties", "recipients", "items", "properties", "purpose"), keys(ProcessorPurpose.class));
            enumeration(at(defs, "order", "properties", "kind"), keys(dev.covenant.model.OrderKind.class));
            enumeration(at(defs, "order", "properties", "forbids", "items"), keys(dev.covenant.model.OrderProhibition.class));
            enumeration(at(defs, "order", "properties", "requires", "items"), keys(dev.covenant.model.OrderRequirement.class));
            enumeration(at(defs, "practice", "properties", "consent", "properties", "obtained"), keys(dev.covenant.model.ConsentGiven.Obtained.class));
            at(defs, "practice", "properties", "legal_basis").put("pattern", legalBasis());
            enumeration(at(defs, "version", "properties", "discloses", "items", "properties", "legal_basis"),
                    Arrays.stream(LegalBasis.Kind.values()).filter(k -> k != LegalBasis.Kind.SETTING).map(Keyed::key).toList());
            enumeration(at(defs, "version", "properties", "discloses", "items", "properties", "recipients", "items"),
                    Arrays.stream(Relationship.values()).filter(Relationship::outsidePlatform).map(Keyed::key).toList());
            enumeration(at(defs, "subject", "properties", "exemption", "properties", "kind"), keys(dev.covenant.model.NoticeExemption.Kind.class));
            enumeration(at(schema, "properties", "platform", "properties", "health_records", "properties", "role"), keys(dev.covenant.model.HealthRecords.Role.class));
            enumeration(at(defs, "practice", "properties", "interception", "properties", "mode"), keys(dev.covenant.model.Interception.Mode.class));
            enumeration(at(defs, "practice", "properties", "interception", "properties", "consented"), keys(dev.covenant.model.Interception.Consented.class));
            enumeration(at(defs, "breach", "properties", "risk"), keys(dev.covenant.model.Breach.Risk.class));
            enumeration(at(defs, "breach", "properties", "exception"), keys(dev.covenant.model.Breach.Exemption.class));
            at(defs, "date").put("pattern", DATE);
            defs.get("dateOrNull").get("anyOf").forEach(option -> {
                if (option.has("pattern")) {
                    ((ObjectNode) option).put("pattern", DATE);
                }
            });
            ((ObjectNode) defs.get("flag").get("anyOf").get(1)).removeAll().put("type", "string").put("pattern", flagWords());
            return JSON.writer(printer()).writeValueAsString(schema) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link Region#isValid}: a country (the JDK's ISO 3166-1 list) or a group, or a subdivision of a
     * country ({@code US-CA}); never a subdivision of a group ({@code EU-FR}, {@code UK-ENG}).
     */
    private static ObjectNode region() {
        ObjectNode region = JSON.createObjectNode();
        ArrayNode anyOf = region.putArray("anyOf");
        List<String> codes = new ArrayList<>(Region.countries());
        codes.addAll(Region.groups());
        enumeration(anyOf.addObject(), codes);
        anyOf.addObject().put("type", "string")
                .put("pattern", "^(" + String.join("|", Region.countries()) + ")-[A-Z0-9]{1,3}$");
        region.put("description", "ISO 3166-1 alpha-2 country (DE), ISO 3166-2 subdivision of a country (US-CA), EU, EEA or UK");
        return region;
    }

    private static String legalBasis() {
        List<String> plain = Arrays.stream(LegalBasis.Kind.values()).filter(k -> k != LegalBasis.Kind.SETTING).map(Keyed::key).toList();
        return "^(" + String.join("|", plain) + "|" + LegalBasis.Kind.SETTING.key() + ":.+)$";
    }

    /** The flag words in any case, as the loader reads them; ECMA-262 patterns have no case-insensitive flag. */
    private static String flagWords() {
        List<String> words = new ArrayList<>(Fields.TRUE_WORDS);
        words.addAll(Fields.FALSE_WORDS);
        return "^(" + words.stream().map(SchemaVocabulary::anyCase).collect(Collectors.joining("|")) + ")$";
    }

    private static String anyCase(String word) {
        StringBuilder pattern = new StringBuilder();
        for (char c : word.toCharArray()) {
            pattern.append('[').append(Character.toUpperCase(c)).append(Character.toLowerCase(c)).append(']');
        }
        return pattern.toString();
    }

    private static <E extends Enum<E> & Keyed> List<String> keys(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyed::key).toList();
    }

    private static void enumeration(ObjectNode node, Collection<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        node.set("enum", array);
    }

    private static ObjectNode at(JsonNode from, String... path) {
        JsonNode node = from;
        for (String step : path) {
            node = node.get(step);
            if (node == null) {
                throw new IllegalStateException("schema has no " + String.join(".", path));
            }
        }
        return (ObjectNode) node;
    }

    /** The layout the file has always had (two-space indent, one array item a line, {@code "key": value}). */
    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indent).withArrayIndenter(indent);
    }

}
