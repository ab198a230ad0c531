package dev.covenant.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.covenant.ShippedRules;
import dev.covenant.model.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** schema/scenario.schema.json and the loader agree: on every shipped fixture, and on invalid documents. */
class ScenarioSchemaTest {

    private static final Path SCHEMA = Path.of("schema/scenario.schema.json");
    private static final Schema VALIDATOR = load();

    @TestFactory
    Stream<DynamicTest> every_shipped_fixture_is_valid_for_the_schema_and_the_loader() {
        return ScenarioFiles.find(List.of(ShippedRules.FIXTURES)).files().stream().map(file -> DynamicTest.dynamicTest(file.display(), () -> {
            byte[] bytes = Files.readAllBytes(file.path());
            assertThat(schemaErrors(bytes, file.display())).isEmpty();
            assertThat(ScenarioLoader.parse(bytes, file.display()).diagnostics()).isEmpty();
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("# yaml-language-server: $schema=../../schema/scenario.schema.json");
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalid_documents_are_rejected_by_both() {
        String valid = """
                scenario: s
                as_of: 2025-01-21
                platform: {name: Example}
                members:
                  - {cohort: c, tier: free, region: NO, count: 10, joined: {from: 2015-01-01}}
                settings:
                  - {id: ai, introduced: 2024-08-01, default: on, enables: [train_ai_system]}
                practices:
                  - {id: p, use: train_ai_system, categories: [user.content.private], legal_basis: "setting:ai", started: 2024-08-01}
                """;
        assertThat(schemaErrors(valid.getBytes(), "valid.yaml")).isEmpty();
        assertThat(ScenarioLoader.parse(valid.getBytes(), "valid.yaml").diagnostics()).isEmpty();
        return Stream.of(
                new String[] {"unknown top-level key", valid + "extra: 1\n"},
                new String[] {"missing as_of", valid.replace("as_of: 2025-01-21\n", "")},
                new String[] {"misspelt practice key", valid.replace("categories: [user", "categorys: [user")},
                new String[] {"unknown data category", valid.replace("user.content.private", "user.content.privat")},
                new String[] {"unknown data use", valid.replace("use: train_ai_system, categories", "use: train_ai, categories")},
                new String[] {"bad date shape", valid.replace("as_of: 2025-01-21", "as_of: 21/01/2025")},
                new String[] {"count not a number", valid.replace("count: 10", "count: ten")},
                new String[] {"bad relationship", valid.replace("started: 2024-08-01}", "started: 2024-08-01, recipients: [{name: x, relationship: partner}]}")},
                new String[] {"processor without a purpose", valid.replace("started: 2024-08-01}", "started: 2024-08-01, recipients: [{name: x, relationship: processor}]}")},
                new String[] {"purpose for a recipient that is not a processor", valid.replace("started: 2024-08-01}", "started: 2024-08-01, recipients: [{name: x, relationship: addressee, purpose: deliver}]}")},
                new String[] {"sold not a flag", valid.replace("started: 2024-08-01}", "started: 2024-08-01, recipients: [{name: x, relationship: third-party, sold: maybe}]}")},
                new String[] {"biometric retention without its years", valid + "documents:\n  - {id: d, kind: biometric-policy, versions: [{version: v, published: 2024-01-01, biometric_retention: {on_purpose_satisfied: true}}]}\n"},
                new String[] {"biometric retention years not a number", valid + "documents:\n  - {id: d, kind: biometric-policy, versions: [{version: v, published: 2024-01-01, biometric_retention: {on_purpose_satisfied: true, years_after_last_interaction: three}}]}\n"},
                new String[] {"unknown processor purpose", valid.replace("started: 2024-08-01}", "started: 2024-08-01, recipients: [{name: x, relationship: processor, purpose: train}]}")},
                new String[] {"bad legal basis", valid.replace("\"setting:ai\"", "maybe")},
                new String[] {"bad region", valid.replace("region: NO", "region: north")},
                new String[] {"bad default", valid.replace("default: on", "default: sometimes")},
                new String[] {"missing platform name", valid.replace("platform: {name: Example}", "platform: {}")},
                new String[] {"region under a group", valid.replace("region: NO", "region: EU-FR")},
                new String[] {"region no country has", valid.replace("region: NO", "region: XX")},
                new String[] {"subdivision of the UK group", valid.replace("region: NO", "region: UK-ENG")},
                new String[] {"region in lower case", valid.replace("region: NO", "region: no")},
                new String[] {"region by name", valid.replace("region: NO", "region: Germany")},
                new String[] {"bad region in a list", valid.replace("legal_basis", "regions: [US, EU-FR], legal_basis")},
                new String[] {"blank string", valid.replace("platform: {name: Example}", "platform: {name: \"  \"}")},
                new String[] {"blank list item", valid.replace("legal_basis", "tiers: [\" \"], legal_basis")},
                new String[] {"day that does not exist", valid.replace("as_of: 2025-01-21", "as_of: 2025-02-30")},
                new String[] {"legal basis setting without id", valid.replace("\"setting:ai\"", "setting")},
                new String[] {"flag word the loader does not know", valid.replace("default: on", "default: enabled")},
                new String[] {"missing joined", valid.replace(", joined: {from: 2015-01-01}", "")},
                new String[] {"negative count", valid.replace("count: 10", "count: -1")},
                new String[] {"period without from", valid.replace("joined: {from: 2015-01-01}", "joined: {to: 2016-01-01}")},
                new String[] {"bad hash", valid + "documents:\n  - {id: d, kind: policy, versions: [{version: '1', published: 2024-01-01, text_sha256: ABC}]}\n"},
                new String[] {"unknown service", valid.replace("platform: {name: Example}", "platform: {name: Example, services: [email]}")},
                new String[] {"unknown promise kind", valid + "promises:\n  - {id: p, source: s, kind: promise, since: 2020-01-01}\n"},
                new String[] {"limits_to on a contract", valid + "promises:\n  - {id: p, source: s, kind: contract, since: 2020-01-01, limits_to: {categories: [user.contact], uses: [essential]}}\n"},
                new String[] {"limits_to without uses", valid + "promises:\n  - {id: p, source: s, kind: collection-prompt, since: 2020-01-01, limits_to: {categories: [user.contact]}}\n"},
                new String[] {"limits_to with no categories", valid + "promises:\n  - {id: p, source: s, kind: public-statement, since: 2020-01-01, limits_to: {categories: [], uses: [essential]}}\n"},
                new String[] {"limits_to with an unknown category", valid + "promises:\n  - {id: p, source: s, kind: public-statement, since: 2020-01-01, limits_to: {categories: [user.contactt], uses: [essential]}}\n"},
                new String[] {"region exclusion on a collection prompt", valid + "promises:\n  - {id: p, source: s, kind: collection-prompt, since: 2020-01-01, excludes_regions: [EEA]}\n"},
                new String[] {"unknown opt-out method", valid.replace("enables: [train_ai_system]}", "enables: [train_ai_system], opt_out: {method: phone}}")},
                new String[] {"misspelt order key", valid + "orders:\n  - {id: o, issuer: ftc, kind: commission-order, docket: C-1, effective: 2020-01-01, yeers: 20}\n"},
                new String[] {"unknown order kind", valid + "orders:\n  - {id: o, issuer: ftc, kind: consent-order, docket: C-1, effective: 2020-01-01}\n"},
                new String[] {"unknown order prohibition", valid + "orders:\n  - {id: o, issuer: ftc, kind: commission-order, docket: C-1, effective: 2020-01-01, forbids: [misrepresenting-privcy]}\n"},
                new String[] {"order with both until and years", valid + "orders:\n  - {id: o, issuer: ftc, kind: commission-order, docket: C-1, effective: 2020-01-01, until: 2030-01-01, years: 20}\n"},
                new String[] {"order without a docket", valid + "orders:\n  - {id: o, issuer: ftc, kind: commission-order, effective: 2020-01-01}\n"},
                new String[] {"bad rule id in expect", valid + "expect: {findings: [not-a-rule]}\n"},
                new String[] {"misspelt consent key", valid.replace("legal_basis: \"setting:ai\"", "legal_basis: consent, consent: {obtaned: opt-in}")},
                new String[] {"unknown way consent was obtained", valid.replace("legal_basis: \"setting:ai\"", "legal_basis: consent, consent: {obtained: ticked}")},
                new String[] {"consent on a contract basis", valid.replace("legal_basis: \"setting:ai\"", "legal_basis: contract, consent: {obtained: opt-in}")},
                new String[] {"balancing on a consent basis", valid.replace("legal_basis: \"setting:ai\"", "legal_basis: consent, balancing: {assessed: 2024-01-01, note: n}")},
                new String[] {"balancing without a note", valid.replace("legal_basis: \"setting:ai\"", "legal_basis: legitimate-interest, balancing: {assessed: 2024-01-01}")},
                new String[] {"misspelt discloses key", valid + "documents:\n  - {id: d, kind: policy, versions: [{version: '1', published: 2024-01-01, discloses: [{use: marketing, legal_bases: consent}]}]}\n"},
                new String[] {"unknown legal basis a notice states", valid + "documents:\n  - {id: d, kind: policy, versions: [{version: '1', published: 2024-01-01, discloses: [{use: marketing, legal_basis: vital-interest}]}]}\n"},
                new String[] {"unknown kind of recipient a notice names", valid + "documents:\n  - {id: d, kind: policy, versions: [{version: '1', published: 2024-01-01, discloses: [{use: marketing, recipients: [partner]}]}]}\n"},
                new String[] {"misspelt subject key", valid + "subjects:\n  - {id: s, region: FR, count: 5, source: public-web, since: 2024-01-01, informd: {channel: email, sent: 2024-01-20}}\n"},
                new String[] {"informed without a date", valid + "subjects:\n  - {id: s, region: FR, count: 5, source: public-web, since: 2024-01-01, informed: {channel: email}}\n"},
                new String[] {"unknown exemption kind", valid + "subjects:\n  - {id: s, region: FR, count: 5, source: public-web, since: 2024-01-01, exemption: {kind: too-many, measures: m}}\n"},
                new String[] {"exemption without measures", valid + "subjects:\n  - {id: s, region: FR, count: 5, source: public-web, since: 2024-01-01, exemption: {kind: impossible}}\n"},
                new String[] {"misspelt key in a default change", valid.replace("enables: [train_ai_system]}", "enables: [train_ai_system], changes: [{on: 2024-09-01, defualt: off}]}")},
                new String[] {"default change without its date", valid.replace("enables: [train_ai_system]}", "enables: [train_ai_system], changes: [{default: off}]}")},
                new String[] {"withdrawn not a date", valid.replace("enables: [train_ai_system]}", "enables: [train_ai_system], withdrawn: soon}")},
                new String[] {"unknown special-category condition", valid.replace("started: 2024-08-01}", "started: 2024-08-01, special_category_condition: clinic}")},
                new String[] {"explicit consent not a flag", valid.replace("legal_basis: \"setting:ai\"", "legal_basis: consent, consent: {obtained: opt-in, explicit: maybe}")},
                new String[] {"infers_characteristics not a flag", valid.replace("started: 2024-08-01}", "started: 2024-08-01, infers_characteristics: sometimes}")},
                new String[] {"misspelt limit_sensitive key", valid.replace("platform: {name: Example}", "platform: {name: Example, limit_sensitive: {sice: 2024-01-01}}")},
                new String[] {"limit_sensitive without its date", valid.replace("platform: {name: Example}", "platform: {name: Example, limit_sensitive: {}}")},
                new String[] {"misspelt retention key", valid.replace("started: 2024-08-01}", "started: 2024-08-01, retention: {limit_day: 90}}")},
                new String[] {"unknown account-deletion outcome", valid.replace("started: 2024-08-01}", "started: 2024-08-01, retention: {on_account_deletion: archived}}")},
                new String[] {"retention that says nothing", valid.replace("started: 2024-08-01}", "started: 2024-08-01, retention: {legal_hold: true}}")},
                new String[] {"retention of zero days", valid.replace("started: 2024-08-01}", "started: 2024-08-01, retention: {kept_days: 0}}")},
                new String[] {"misspelt deletion request key", valid + "deletion_requests:\n  - {id: d, region: NO, count: 2, received: 2024-09-01, practices: [p], complete: 2024-09-20}\n"},
                new String[] {"deletion request covering no practice", valid + "deletion_requests:\n  - {id: d, region: NO, count: 2, received: 2024-09-01, practices: []}\n"},
                new String[] {"retention statement on a contract", valid + "promises:\n  - {id: q, source: s, kind: contract, since: 2020-01-01, retention_days: 30}\n"},
                new String[] {"misspelt interception key", valid.replace("started: 2024-08-01}", "started: 2024-08-01, interception: {mode: in-transit, consentd: none}}")},
                new String[] {"unknown interception mode", valid.replace("started: 2024-08-01}", "started: 2024-08-01, interception: {mode: wiretap, consented: none}}")},
                new String[] {"one party's consent without its side", valid.replace("started: 2024-08-01}", "started: 2024-08-01, interception: {mode: in-transit, consented: one-party}}")},
                new String[] {"unknown consenting side", valid.replace("started: 2024-08-01}", "started: 2024-08-01, interception: {mode: in-transit, consented: one-party, consented_by: hosts}}")},
                new String[] {"consenting side without one party's consent", valid.replace("started: 2024-08-01}", "started: 2024-08-01, interception: {mode: in-transit, consented: none, consented_by: members}}")},
                new String[] {"recording without confidential", valid.replace("started: 2024-08-01}", "started: 2024-08-01, interception: {mode: recorded, consented: one-party}}")},
                new String[] {"misspelt breach key", valid + "breaches:\n  - {id: b, discovered: 2025-01-01, categories: [user.contact], people: [c], risk: high, athority_notified: 2025-01-02}\n"},
                new String[] {"unknown breach risk", valid + "breaches:\n  - {id: b, discovered: 2025-01-01, categories: [user.contact], people: [c], risk: severe}\n"},
                new String[] {"breach without people", valid + "breaches:\n  - {id: b, discovered: 2025-01-01, categories: [user.contact], risk: high}\n"},
                new String[] {"disproportionate effort without a public notice", valid + "breaches:\n  - {id: b, discovered: 2025-01-01, categories: [user.contact], people: [c], risk: high, exception: disproportionate-effort}\n"},
                new String[] {"misspelt health records key", valid.replace("platform: {name: Example}", "platform: {name: Example, health_records: {role: vendor, sources: 2, hipaa: false}}")}
        ).map(c -> DynamicTest.dynamicTest(c[0], () -> {
            byte[] bytes = c[1].getBytes();
            assertThat(schemaErrors(bytes, "case.yaml")).as("schema").isNotEmpty();
            assertThat(ScenarioLoader.parse(bytes, "case.yaml").diagnostics()).as("loader").isNotEmpty();
        }));
    }

    @Test
    void the_schema_lists_exactly_the_taxonomy_keys_the_loader_accepts() throws IOException {
        JsonNode defs = new ObjectMapper().readTree(SCHEMA.toFile()).get("$defs");

        assertThat(strings(defs.get("category").get("enum"))).isEqualTo(new TreeSet<>(Taxonomy.categories()));
        assertThat(strings(defs.get("use").get("enum"))).isEqualTo(new TreeSet<>(Taxonomy.uses()));
    }

    /**
     * The schema's vocabularies (regions, taxonomy keys, the keyed enumerations, flag words, legal bases)
     * are generated from the classes the loader checks against; the rest of the schema is written by hand.
     * After changing a vocabulary: {@code mvn test -Dtest=ScenarioSchemaTest -Dcovenant.schema.update=true}.
     */
    @Test
    void the_schemas_vocabularies_are_generated_from_the_loaders() throws IOException {
        String written = Files.readString(SCHEMA);
        String generated = SchemaVocabulary.apply(written);
        if (Boolean.getBoolean("covenant.schema.update")) {
            Files.writeString(SCHEMA, generated);
            written = generated;
        }
        Path fresh = Path.of("target/scenario.schema.json");
        Files.writeString(fresh, generated);
        assertThat(written).as("schema/scenario.schema.json is stale; rerun with -Dcovenant.schema.update=true (or copy %s)", fresh)
                .isEqualTo(generated);
    }

    @TestFactory
    Stream<DynamicTest> every_region_the_loader_accepts_the_schema_accepts_and_every_one_it_rejects_the_schema_rejects() {
        List<String> accepted = new java.util.ArrayList<>(dev.covenant.model.Region.countries());
        accepted.addAll(List.of("EU", "EEA", "UK", "US-CA", "GB-ENG", "FR-75", "DE-BY", "CH-ZH"));
        List<String> rejected = List.of("EU-FR", "XX", "UK-ENG", "EEA-NO", "US-", "US-CALI", "us", "Germany", "QQ-1", "E", "EUR");
        return Stream.concat(
                accepted.stream().map(r -> DynamicTest.dynamicTest("accepts " + r, () -> agree(r, true))),
                rejected.stream().map(r -> DynamicTest.dynamicTest("rejects " + r, () -> agree(r, false))));
    }

    @Test
    void the_schemas_date_pattern_accepts_exactly_the_days_the_loader_does() throws IOException {
        JsonNode defs = new ObjectMapper().readTree(SCHEMA.toFile()).get("$defs");
        java.util.regex.Pattern date = java.util.regex.Pattern.compile(defs.get("date").get("pattern").asText());
        int checked = 0;
        for (int year : new int[] {0, 1900, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    String text = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, month, day);
                    boolean exists;
                    try {
                        java.time.LocalDate.parse(text);
                        exists = true;
                    } catch (java.time.DateTimeException e) {
                        exists = false;
                    }
                    assertThat(date.matcher(text).matches()).as(text).isEqualTo(exists);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(10 * 14 * 33);
    }

    private static void agree(String region, boolean valid) {
        String yaml = "scenario: s\nas_of: 2025-01-21\nplatform: {name: Example}\nmembers:\n"
                + "  - {cohort: c, tier: free, region: \"" + region + "\", count: 10, joined: {from: 2015-01-01}}\n";
        assertThat(ScenarioLoader.parse(yaml.getBytes(), "r.yaml").diagnostics().isEmpty()).as("loader accepts").isEqualTo(valid);
        assertThat(schemaErrors(yaml.getBytes(), "r.yaml").isEmpty()).as("schema accepts").isEqualTo(valid);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static List<Error> schemaErrors(byte[] yaml, String name) {
        YamlJson.Result converted = YamlJson.convert(yaml, name);
        assertThat(converted.diagnostics()).isEmpty();
        return VALIDATOR.validate(converted.json().toString(), InputFormat.JSON);
    }

    private static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(SCHEMA));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
