package dev.covenant.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.model.LegalBasis;
import dev.covenant.model.Practice;
import dev.covenant.model.Relationship;
import dev.covenant.model.Scenario;
import dev.covenant.model.Service;
import dev.covenant.model.Setting;
import dev.covenant.source.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

    private static final Path INVALID = Path.of("src/test/resources/scenarios/invalid");
    private static final Path LINKEDIN = Path.of("src/test/resources/scenarios/valid/linkedin-alleged.yaml");

    @Test
    void loads_every_concept_of_the_linkedin_fixture_as_typed_facts() {
        LoadResult result = ScenarioLoader.load(LINKEDIN, "alleged.yaml");

        assertThat(result.diagnostics()).isEmpty();
        Scenario s = result.scenario();
        assertThat(s.id()).isEqualTo("linkedin-genai-2024-as-alleged");
        assertThat(s.asOf()).isEqualTo(LocalDate.of(2025, 1, 21));
        assertThat(s.platform().services()).containsExactly(Service.ELECTRONIC_COMMUNICATION);
        assertThat(s.cohorts()).extracting(c -> c.id()).containsExactly("premium-us-ca", "premium-us-other", "free-eu", "free-uk");
        assertThat(s.promises().get(0).forbids().categories()).containsExactly("user.content.private");
        assertThat(s.versions()).first().satisfies(v -> {
            assertThat(v.published()).isEqualTo(LocalDate.of(2024, 9, 18));
            assertThat(v.notice().channel()).isEqualTo("email");
        });
        assertThat(s.disclosures()).singleElement().satisfies(d -> assertThat(d.categories()).containsExactly("user.content.public"));
        Setting setting = s.settings().get(0);
        assertThat(setting.defaultOn()).isTrue();
        assertThat(setting.optOut().retroactive()).isFalse();
        Practice practice = s.practices().get(0);
        assertThat(practice.legalBasis()).isEqualTo(new LegalBasis(LegalBasis.Kind.SETTING, "data-for-genai-improvement"));
        assertThat(practice.recipients()).singleElement().satisfies(r -> assertThat(r.relationship()).isEqualTo(Relationship.AFFILIATE));
        assertThat(practice.period().isOpen()).isTrue();
        assertThat(result.expect().findings()).contains("SCA-DISCLOSURE");
    }

    @Test
    void every_fact_remembers_its_file_line_column_and_yaml_path() {
        Scenario s = ScenarioLoader.load(LINKEDIN, "alleged.yaml").scenario();

        Practice practice = s.practices().get(0);
        assertThat(practice.span().file()).isEqualTo("alleged.yaml");
        assertThat(practice.span().line()).isEqualTo(85);
        assertThat(practice.span().column()).isEqualTo(5);
        assertThat(practice.span().path()).isEqualTo("practices[0]");
        assertThat(practice.recipients().get(0).span().path()).isEqualTo("practices[0].recipients[0]");
        assertThat(practice.recipients().get(0).span().line()).isEqualTo(91);
        assertThat(s.cohorts().get(1).span().path()).isEqualTo("members[1]");
        assertThat(s.disclosures().get(0).span().path()).isEqualTo("documents[0].versions[0].discloses[0]");
    }

    @Test
    void an_unknown_key_is_reported_with_its_line_column_and_a_suggestion() {
        List<Diagnostic> diagnostics = invalid("unknown-key.yaml");

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.where().location()).isEqualTo("unknown-key.yaml:8:5");
            assertThat(d.message()).contains("unknown key 'categorys' in practices[0]", "did you mean 'categories'?");
        });
    }

    @Test
    void every_problem_in_a_file_is_reported_not_only_the_first() {
        List<Diagnostic> diagnostics = invalid("many-errors.yaml");

        assertThat(diagnostics).extracting(d -> d.where().line() + ":" + d.where().column() + " " + d.message())
                .containsExactly(
                        "2:8 'as_of' in the scenario is not a valid date (YYYY-MM-DD): \"2025-13-01\"",
                        "5:14 platform.services[0]: unknown service 'electronic-mail'; expected one of: electronic-communication | remote-computing",
                        "10:12 'count' in members[0] must be a whole number, got the string \"lots\"",
                        "12:13 duplicate member cohort id 'us' (first defined at line 7)",
                        "14:13 'region' in members[1]: unknown region 'XX'; expected an ISO 3166-1 country (DE), an ISO 3166-2 subdivision (US-CA), EU, EEA or UK",
                        "20:14 'default' in settings[0] must be on/off or true/false, got the string \"maybe\"",
                        "24:18 practices[0].categories[0]: unknown data category 'user.content.privat' (did you mean 'user.content.private'?); use a Fides data category key such as user.content.private",
                        "26:39 'relationship' in practices[0].recipients[0] has unknown value 'partner'; expected one of: self | affiliate | processor | third-party | addressee | public",
                        "27:18 'legal_basis' in practices[0] refers to setting 'nope', which is not defined under 'settings'");
    }

    @Test
    void a_processor_says_what_it_does_with_the_data_and_no_one_else_does() {
        String head = "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\npractices:\n  - id: p\n    use: train_ai_system\n"
                + "    started: 2024-08-01\n    recipients:\n";
        LoadResult ok = ScenarioLoader.parse((head + "      - {name: Cloud, relationship: processor, purpose: host}\n"
                + "      - {name: Bob, relationship: addressee}\n").getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.scenario().practices().get(0).recipients()).extracting(r -> r.relationship().key() + "/" + r.purpose())
                .containsExactly("processor/HOST", "addressee/null");

        LoadResult bad = ScenarioLoader.parse((head + "      - {name: Cloud, relationship: processor}\n"
                + "      - {name: Bob, relationship: addressee, purpose: deliver}\n"
                + "      - {name: Lab, relationship: processor, purpose: train}\n"
                + "      - {name: Eve, relationship: processor, purpos: host}\n").getBytes(StandardCharsets.UTF_8), "bad.yaml");
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "bad.yaml:9:9: error: missing required key 'purpose' in practices[0].recipients[0]: a processor needs what it does with the data (host | deliver | own-use)",
                "bad.yaml:10:55: error: 'purpose' in practices[0].recipients[1] is for a processor only; this recipient is addressee",
                "bad.yaml:11:55: error: 'purpose' in practices[0].recipients[2] has unknown value 'train'; expected one of: host | deliver | own-use",
                "bad.yaml:12:9: error: missing required key 'purpose' in practices[0].recipients[3]: a processor needs what it does with the data (host | deliver | own-use)",
                "bad.yaml:12:46: error: unknown key 'purpos' in practices[0].recipients[3] (did you mean 'purpose'?); expected one of: name, purpose, relationship, sold");
    }

    @Test
    void an_order_runs_for_its_years_or_to_its_until_and_its_keys_and_values_are_strict() {
        String head = "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\norders:\n";
        LoadResult ok = ScenarioLoader.parse((head
                + "  - {id: o, issuer: ftc, kind: commission-order, docket: 'In re X, C-1', effective: 2020-04-01, years: 20,\n"
                + "     forbids: [misrepresenting-privacy], requires: [privacy-program]}\n"
                + "  - {id: d, issuer: a court, kind: court-decree, docket: 'US v. X', effective: 2019-01-01, until: 2024-12-31}\n"
                + "  - {id: later, issuer: ftc, kind: commission-order, docket: C-2, effective: 2026-01-01}\n")
                .getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.scenario().orders()).extracting(o -> o.id() + " " + o.term()).containsExactly(
                "o 2020-04-01 to 2040-03-31", "d 2019-01-01 to 2024-12-31", "later since 2026-01-01");
        assertThat(ok.scenario().facts()).as("an order not yet effective on as_of is not known")
                .filteredOn(dev.covenant.model.Order.class::isInstance).hasSize(2);

        LoadResult bad = ScenarioLoader.parse((head
                + "  - {id: a, issuer: ftc, kind: consent-order, docket: C-1, effective: 2020-01-01, yeers: 20}\n"
                + "  - {id: b, issuer: ftc, kind: commission-order, docket: C-1, effective: 2020-01-01, forbids: [misrepresenting-privcy]}\n"
                + "  - {id: c, issuer: ftc, kind: commission-order, docket: C-1, effective: 2020-01-01, until: 2030-01-01, years: 20}\n")
                .getBytes(StandardCharsets.UTF_8), "bad.yaml");
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("unknown key 'yeers' in orders[0]", "did you mean 'years'?"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("'kind' in orders[0] has unknown value 'consent-order'", "commission-order | court-decree"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("orders[1].forbids[0]: unknown value 'misrepresenting-privcy'", "did you mean 'misrepresenting-privacy'?"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("'years' in orders[2] and 'until' both say when the order ends"));
    }

    @Test
    void a_breach_names_the_people_it_affected_and_its_keys_dates_and_values_are_strict() {
        String head = "scenario: x\nas_of: 2025-03-01\nplatform: {name: x, health_records: {role: vendor, sources: 2, hipaa_covered: false}}\n"
                + "members:\n  - {cohort: eu, tier: free, region: FR, count: 10, joined: {from: 2024-01-01}}\n"
                + "subjects:\n  - {id: guests, region: FR, count: 5, source: directly, since: 2024-01-01}\nbreaches:\n";
        LoadResult ok = ScenarioLoader.parse((head
                + "  - {id: a, discovered: 2025-01-10, categories: [user.health_and_medical], people: [eu, guests], risk: high,\n"
                + "     authority_notified: 2025-01-11, people_notified: null, unauthorised_disclosure: true}\n"
                + "  - {id: b, discovered: 2025-02-01, categories: [user.contact], people: [eu], risk: high,\n"
                + "     exception: disproportionate-effort, public_notice: 2025-02-03}\n"
                + "  - {id: later, discovered: 2025-06-01, categories: [user.contact], people: [eu], risk: unlikely}\n")
                .getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.scenario().platform().healthBreachRuleBinds()).isTrue();
        assertThat(ok.scenario().breaches()).extracting(b -> b.id() + " " + b.people() + " " + b.peopleNotified() + " " + b.exception())
                .containsExactly("a [eu, guests] null null", "b [eu] null DISPROPORTIONATE_EFFORT", "later [eu] null null");
        assertThat(ok.scenario().facts()).as("a breach not yet discovered on as_of is not known")
                .filteredOn(dev.covenant.model.Breach.class::isInstance).hasSize(2);

        LoadResult bad = ScenarioLoader.parse((head
                + "  - {id: a, discovered: 2025-01-10, categories: [user.contact], people: [eu], risk: severe, athority_notified: 2025-01-11}\n"
                + "  - {id: b, discovered: 2025-01-10, categories: [user.contact], people: [guest], risk: high, people_notified: 2025-01-09}\n"
                + "  - {id: c, discovered: 2025-01-10, categories: [user.contact], people: [eu], risk: high, exception: disproportionate-effort}\n"
                + "  - {id: d, discovered: 2025-01-10, categories: [user.contact], people: [eu], risk: high, exception: encrypted, public_notice: 2025-01-12}\n")
                .getBytes(StandardCharsets.UTF_8), "bad.yaml");
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("unknown key 'athority_notified' in breaches[0]", "did you mean 'authority_notified'?"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("'risk' in breaches[0] has unknown value 'severe'", "unlikely | risk | high"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("refers to 'guest', which is neither a member cohort nor a subject", "did you mean 'guests'?"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("'people_notified' (2025-01-09) is before 'discovered' (2025-01-10) in breaches[1]"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("missing required key 'public_notice' in breaches[2]", "GDPR Art. 34(3)(c)"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("'public_notice' in breaches[3] is the public communication of GDPR Art. 34(3)(c)"));
    }

    @Test
    void an_interception_says_how_contents_are_captured_and_who_consented_strictly() {
        String head = "scenario: x\nas_of: 2025-03-01\nplatform: {name: x}\npractices:\n";
        LoadResult ok = ScenarioLoader.parse((head
                + "  - {id: rec, use: essential.service, started: 2024-01-01, interception: {mode: recorded, consented: one-party, consented_by: members, confidential: true}}\n"
                + "  - {id: plain, use: essential.service, started: 2024-01-01}\n").getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        dev.covenant.model.Interception rec = ok.scenario().practices().get(0).interception();
        assertThat(rec.barredFederally()).as("one party's consent suffices federally").isFalse();
        assertThat(rec.barredInCalifornia()).as("California asks every party's").isTrue();
        assertThat(rec.californiaSection()).isEqualTo("Cal. Penal Code § 632(a)");
        assertThat(ok.scenario().practices().get(1).intercepts()).isFalse();
        assertThat(rec.consentedBy()).isEqualTo(dev.covenant.model.Interception.Party.MEMBERS);

        LoadResult bad = ScenarioLoader.parse((head
                + "  - {id: a, use: essential.service, started: 2024-01-01, interception: {mode: in-transit, consented: everyone}}\n"
                + "  - {id: b, use: essential.service, started: 2024-01-01, interception: {mode: recorded, consented: none}}\n"
                + "  - {id: c, use: essential.service, started: 2024-01-01, interception: {mode: in-transit, consentd: none}}\n"
                + "  - {id: d, use: essential.service, started: 2024-01-01, interception: {mode: in-transit, consented: none, purpose_criminal_or_tortious: maybe}}\n"
                + "  - {id: e, use: essential.service, started: 2024-01-01, interception: {mode: in-transit, consented: one-party}}\n"
                + "  - {id: f, use: essential.service, started: 2024-01-01, interception: {mode: in-transit, consented: one-party, consented_by: hosts}}\n"
                + "  - {id: g, use: essential.service, started: 2024-01-01, interception: {mode: in-transit, consented: one-party, consentd_by: members}}\n"
                + "  - {id: h, use: essential.service, started: 2024-01-01, interception: {mode: in-transit, consented: none, consented_by: members}}\n")
                .getBytes(StandardCharsets.UTF_8), "bad.yaml");
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("'consented' in practices[0].interception has unknown value 'everyone'", "none | one-party | all-parties"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("missing required key 'confidential' in practices[1].interception", "§ 632(a)"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("unknown key 'consentd' in practices[2].interception", "did you mean 'consented'?"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("'purpose_criminal_or_tortious' in practices[3].interception must be on/off or true/false"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("missing required key 'consented_by' in practices[4].interception", "§ 637.2(a)"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("'consented_by' in practices[5].interception has unknown value 'hosts'", "members | subjects"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("unknown key 'consentd_by' in practices[6].interception", "did you mean 'consented_by'?"));
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("'consented_by' in practices[7].interception is only for consented one-party"));
    }

    @Test
    void limits_to_names_categories_and_uses_and_is_a_statement_s_not_a_contract_s() {
        String head = "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\npromises:\n";
        LoadResult ok = ScenarioLoader.parse((head
                + "  - {id: s, source: prompt, kind: collection-prompt, since: 2020-01-01,\n"
                + "     limits_to: {categories: [user.contact.phone_number], uses: [essential.service.security]}}\n")
                .getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.scenario().promises()).singleElement().satisfies(p -> {
            assertThat(p.promiseKind()).isEqualTo(dev.covenant.model.PromiseKind.COLLECTION_PROMPT);
            assertThat(p.limitsTo().categories()).containsExactly("user.contact.phone_number");
            assertThat(p.limitsTo().uses()).containsExactly("essential.service.security");
        });

        LoadResult bad = ScenarioLoader.parse((head
                + "  - {id: a, source: t, kind: contract, since: 2020-01-01, limits_to: {categories: [user.contact], uses: [marketing]}}\n"
                + "  - {id: b, source: t, kind: public-statement, since: 2020-01-01, limits_to: {categories: [], usez: [marketing]}}\n"
                + "  - {id: c, source: t, kind: collection-prompt, since: 2020-01-01, excludes_regions: [EEA],\n"
                + "     limits_to: {categories: [user.contact], uses: [marketting]}}\n")
                .getBytes(StandardCharsets.UTF_8), "bad.yaml");
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "bad.yaml:5:70: error: 'limits_to' in promises[0] is a statement made to members: it needs kind public-statement or collection-prompt, not contract",
                "bad.yaml:6:78: error: missing required key 'uses' in promises[1].limits_to",
                "bad.yaml:6:91: error: 'categories' in promises[1].limits_to must list at least one",
                "bad.yaml:6:95: error: unknown key 'usez' in promises[1].limits_to (did you mean 'uses'?); expected one of: categories, uses",
                "bad.yaml:7:86: error: 'excludes_regions' in promises[2] is read only on a public-statement; a collection-prompt says what data is for with limits_to or forbids",
                "bad.yaml:8:53: error: promises[2].limits_to.uses[0]: unknown data use 'marketting' (did you mean 'marketing'?); use a Fides data use key such as train_ai_system");
    }

    @Test
    void missing_required_keys_are_named() {
        assertThat(invalid("missing-required.yaml")).extracting(Diagnostic::format).containsExactly(
                "missing-required.yaml:1:1: error: missing required key 'as_of' in the scenario",
                "missing-required.yaml:1:1: error: missing required key 'scenario' in the scenario",
                "missing-required.yaml:3:3: error: missing required key 'name' in platform");
    }

    @Test
    void yaml_tags_that_would_construct_classes_are_refused() {
        assertThat(invalid("tagged.yaml")).extracting(Diagnostic::message)
                .contains("YAML tag !!javax.script.ScriptEngineManager is not allowed; scenarios hold plain values only",
                        "YAML tag !!java.net.URL is not allowed; scenarios hold plain values only");
    }

    @Test
    void binary_values_are_refused_with_a_diagnostic_not_a_crash() {
        LoadResult loaded = ScenarioLoader.parse(
                "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\ntitle: !!binary AA==\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "binary-tag.yaml");
        assertThat(loaded.isValid()).isFalse();
        assertThat(loaded.diagnostics()).extracting(Diagnostic::format)
                .contains("binary-tag.yaml:4:8: error: YAML tag !!binary is not allowed; scenarios hold plain values only");
    }

    /** Found by ScenarioFileFuzzTest: a !!binary whose base64 is malformed got Jackson's decoder message instead. */
    @Test
    void malformed_binary_values_are_refused_as_binary_not_as_base64_errors() {
        LoadResult loaded = ScenarioLoader.parse(
                "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\ntitle: !!binary AA111=\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "binary-tag.yaml");
        assertThat(loaded.isValid()).isFalse();
        assertThat(loaded.diagnostics()).singleElement().extracting(Diagnostic::format).asString()
                .startsWith("binary-tag.yaml:4:")
                .endsWith("error: YAML tag !!binary is not allowed; scenarios hold plain values only");
    }

    @Test
    void aliases_are_refused_so_alias_bombs_cannot_expand() {
        assertThat(invalid("alias.yaml")).singleElement()
                .satisfies(d -> assertThat(d.format()).isEqualTo("alias.yaml:5:8: error: YAML aliases (*n) are not supported in scenarios; write the value out"));

        StringBuilder bomb = new StringBuilder("scenario: bomb\nas_of: 2025-01-21\nplatform: {name: x}\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        LoadResult result = ScenarioLoader.parse(bomb.toString().getBytes(StandardCharsets.UTF_8), "bomb.yaml");
        assertThat(result.isValid()).isFalse();
        assertThat(result.diagnostics()).isNotEmpty();
    }

    @Test
    void a_file_with_two_documents_is_refused() {
        assertThat(invalid("two-documents.yaml")).extracting(Diagnostic::message)
                .containsExactly("file holds more than one YAML document; put one scenario in each file");
    }

    @Test
    void yaml_syntax_errors_point_at_the_problem() {
        assertThat(invalid("syntax.yaml")).extracting(Diagnostic::format)
                .containsExactly("syntax.yaml:5:12: error: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void duplicate_keys_are_reported_with_both_lines() {
        assertThat(invalid("duplicate-key.yaml")).extracting(Diagnostic::format)
                .containsExactly("duplicate-key.yaml:5:1: error: duplicate key 'scenario' (first written at line 1)");
    }

    @Test
    void empty_binary_and_non_utf8_files_are_refused_with_a_reason() {
        assertThat(invalid("empty.yaml")).extracting(Diagnostic::message).singleElement().asString().startsWith("file is empty");
        assertThat(invalid("binary.yaml")).extracting(Diagnostic::message).containsExactly("file is not valid UTF-8 text");
        assertThat(invalid("invalid-utf8.yaml")).extracting(Diagnostic::format)
                .containsExactly("invalid-utf8.yaml:4: error: file is not valid UTF-8 text");
    }

    @Test
    void deep_nesting_and_oversized_files_are_refused_quickly() {
        String deep = "scenario: deep\nas_of: 2025-01-21\nplatform: {name: x}\ntitle: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        long start = System.nanoTime();
        LoadResult nested = ScenarioLoader.parse(deep.getBytes(StandardCharsets.UTF_8), "deep.yaml");
        assertThat(nested.isValid()).isFalse();
        assertThat(nested.diagnostics()).extracting(Diagnostic::message).anySatisfy(m -> assertThat(m).containsIgnoringCase("nesting"));

        byte[] huge = ("scenario: big\nas_of: 2025-01-21\nplatform: {name: x}\ntitle: \"" + "x".repeat(YamlTree.MAX_BYTES) + "\"\n")
                .getBytes(StandardCharsets.UTF_8);
        LoadResult big = ScenarioLoader.parse(huge, "big.yaml");
        assertThat(big.diagnostics()).extracting(Diagnostic::message).singleElement().asString()
                .contains("scenario files are limited to " + YamlTree.MAX_BYTES + " bytes");
    }

    @Test
    void norway_and_yaml_11_booleans_keep_their_source_text_where_strings_are_expected() {
        LoadResult result = ScenarioLoader.load(Path.of("src/test/resources/scenarios/valid/norway.yaml"), "norway.yaml");

        assertThat(result.diagnostics()).isEmpty();
        Scenario s = result.scenario();
        assertThat(s.cohorts().get(0).region()).isEqualTo("NO");
        assertThat(s.settings().get(0).regions()).containsExactly("NO", "US-CA");
        assertThat(s.settings().get(0).defaultOn()).isTrue();
        assertThat(s.settings().get(1).defaultOn()).isFalse();
    }

    @Test
    void a_reference_to_an_undefined_setting_suggests_the_nearest_one() {
        String yaml = """
                scenario: ref
                as_of: 2025-01-21
                platform: {name: x}
                settings:
                  - {id: genai, introduced: 2024-08-01, default: on}
                practices:
                  - {id: p, use: train_ai_system, legal_basis: "setting:genia", started: 2024-08-01}
                """;
        LoadResult result = ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "ref.yaml");
        assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "ref.yaml:7:48: error: 'legal_basis' in practices[0] refers to setting 'genia', which is not defined under 'settings' (did you mean 'genai'?)");
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        String yaml = """
                scenario: p
                as_of: 2025-01-21
                platform: {name: x}
                practices:
                  - id: p
                    use: train_ai_system
                    started: 2024-08-01
                    ended: 2024-07-01
                """;
        LoadResult result = ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "p.yaml");
        assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "p.yaml:8:12: error: 'ended' (2024-07-01) is before 'started' (2024-08-01) in practices[0]");
    }

    @Test
    void how_consent_was_obtained_is_read_strictly_and_only_where_consent_is_the_basis() {
        String head = "scenario: c\nas_of: 2025-01-21\nplatform: {name: x}\npractices:\n";
        LoadResult ok = ScenarioLoader.parse((head
                + "  - {id: a, use: train_ai_system, legal_basis: consent, started: 2024-08-01,\n"
                + "     consent: {obtained: pre-ticked, on: 2024-07-01, wording: 'Help improve our AI', specific: no}}\n"
                + "  - {id: b, use: marketing.advertising, legal_basis: legitimate-interest, started: 2024-08-01,\n"
                + "     balancing: {assessed: 2024-06-01, note: 'Contextual ads only'}}\n"
                + "  - {id: c, use: train_ai_system, legal_basis: consent, started: 2024-08-01}\n")
                .getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        List<dev.covenant.model.Practice> practices = ok.scenario().practices();
        assertThat(practices.get(0).consent()).satisfies(c -> {
            assertThat(c.obtained()).isEqualTo(dev.covenant.model.ConsentGiven.Obtained.PRE_TICKED);
            assertThat(c.informed()).isTrue();
            assertThat(c.specific()).isFalse();
            assertThat(c.conditionOfService()).isFalse();
            assertThat(c.defects()).containsExactly("obtained with a pre-ticked box", "not specific to this purpose");
        });
        assertThat(practices.get(1).balancing().note()).isEqualTo("Contextual ads only");
        // No consent block: the stated basis is taken as given, as before the key existed.
        assertThat(practices.get(2).consent()).isNull();
        assertThat(dev.covenant.model.Consent.heldBy(practices.get(2))).isTrue();
        assertThat(dev.covenant.model.Consent.heldBy(practices.get(0))).isFalse();

        LoadResult bad = ScenarioLoader.parse((head
                + "  - {id: a, use: train_ai_system, legal_basis: consent, started: 2024-08-01, consent: {obtaned: opt-in}}\n"
                + "  - {id: b, use: train_ai_system, legal_basis: consent, started: 2024-08-01, consent: {obtained: ticked}}\n"
                + "  - {id: c, use: train_ai_system, legal_basis: contract, started: 2024-08-01, consent: {obtained: opt-in}}\n"
                + "  - {id: d, use: train_ai_system, legal_basis: consent, started: 2024-08-01, balancing: {assessed: 2024-01-01, note: n}}\n"
                + "  - {id: e, use: train_ai_system, legal_basis: consent, started: 2024-08-01, consnet: {obtained: opt-in}}\n")
                .getBytes(StandardCharsets.UTF_8), "bad.yaml");
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "bad.yaml:5:87: error: missing required key 'obtained' in practices[0].consent",
                "bad.yaml:5:88: error: unknown key 'obtaned' in practices[0].consent (did you mean 'obtained'?); expected one of: condition_of_service, explicit, informed, obtained, on, specific, wording",
                "bad.yaml:6:98: error: 'obtained' in practices[1].consent has unknown value 'ticked'; expected one of: opt-in | pre-ticked | bundled | implied | by-account-admin | written-release | verifiable-parental",
                "bad.yaml:7:88: error: 'consent' in practices[2] says how a claimed consent was obtained, but the practice's legal_basis is 'contract'; state legal_basis: consent or parental-consent",
                "bad.yaml:8:89: error: 'balancing' in practices[3] documents a legitimate-interest assessment, but the practice's legal_basis is 'consent'; state legal_basis: legitimate-interest",
                "bad.yaml:9:78: error: unknown key 'consnet' in practices[4] (did you mean 'consent'?); expected one of: balancing, categories, consent, data_collected_from, ended, id, infers_characteristics, interception, legal_basis, members, objection, recipients, regions, retention, special_category_condition, started, subjects, tiers, use, withdrawal");
    }

    @Test
    void sensitive_data_keys_are_read_strictly_and_only_where_the_categories_are_sensitive() {
        String head = "scenario: s\nas_of: 2025-01-21\nplatform: {name: x, limit_sensitive: {since: 2024-01-01}}\npractices:\n";
        LoadResult ok = ScenarioLoader.parse((head
                + "  - {id: a, use: essential.service, categories: [user.health_and_medical], legal_basis: consent, started: 2024-08-01,\n"
                + "     consent: {obtained: opt-in, explicit: yes}}\n"
                + "  - {id: b, use: essential.service, categories: [user.health_and_medical], legal_basis: legitimate-interest,\n"
                + "     special_category_condition: health-care, started: 2024-08-01}\n"
                + "  - {id: c, use: analytics, categories: [user.location.precise], infers_characteristics: false, started: 2024-08-01}\n"
                + "  - {id: d, use: marketing, categories: [user.location.precise], started: 2024-08-01}\n")
                .getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        List<dev.covenant.model.Practice> practices = ok.scenario().practices();
        assertThat(ok.scenario().platform().limitSensitive().since()).isEqualTo("2024-01-01");
        assertThat(dev.covenant.model.Consent.explicitBy(practices.get(0))).isTrue();
        assertThat(practices.get(1).specialCategoryCondition()).isEqualTo(dev.covenant.model.SpecialCategoryCondition.HEALTH_CARE);
        assertThat(dev.covenant.model.Consent.explicitBy(practices.get(1))).as("no consent at all").isFalse();
        assertThat(practices.get(2).readAsInferring()).as("stated").isFalse();
        assertThat(practices.get(3).infersCharacteristics()).as("not stated").isNull();
        assertThat(practices.get(3).readAsInferring()).as("marketing builds a profile").isTrue();

        LoadResult bad = ScenarioLoader.parse(("scenario: s\nas_of: 2025-01-21\nplatform: {name: x, limit_sensitve: {since: 2024-01-01}}\npractices:\n"
                + "  - {id: a, use: essential.service, categories: [user.health_and_medical], special_category_condition: clinic, started: 2024-08-01}\n"
                + "  - {id: b, use: essential.service, categories: [user.content.public], special_category_condition: made-public, started: 2024-08-01}\n"
                + "  - {id: c, use: analytics, categories: [user.content.public], infers_characteristics: false, started: 2024-08-01}\n"
                + "  - {id: d, use: analytics, categories: [user.location.precise], infers_characteristic: false, started: 2024-08-01}\n"
                + "  - {id: e, use: analytics, categories: [user.location.precise], legal_basis: consent, consent: {obtained: opt-in, explicit: maybe}, started: 2024-08-01}\n")
                .getBytes(StandardCharsets.UTF_8), "bad.yaml");
        assertThat(bad.diagnostics()).extracting(Diagnostic::message).satisfiesExactly(
                m -> assertThat(m).contains("unknown key 'limit_sensitve' in platform", "did you mean 'limit_sensitive'?"),
                m -> assertThat(m).contains("'special_category_condition' in practices[0] has unknown value 'clinic'", "health-care"),
                m -> assertThat(m).contains("'special_category_condition' in practices[1] is a GDPR Art. 9(2) condition", "none of the practice's categories is one"),
                m -> assertThat(m).contains("'infers_characteristics' in practices[2] qualifies sensitive personal information", "none of the practice's categories is any"),
                m -> assertThat(m).contains("unknown key 'infers_characteristic' in practices[3]", "did you mean 'infers_characteristics'?"),
                m -> assertThat(m).contains("'explicit' in practices[4].consent must be on/off or true/false"));
    }

    @Test
    void a_notice_states_the_basis_and_kinds_of_recipient_it_tells_strictly() {
        String head = "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\ndocuments:\n  - id: d\n    kind: privacy-policy\n"
                + "    versions:\n      - version: '1'\n        published: 2024-01-01\n        discloses:\n";
        LoadResult ok = ScenarioLoader.parse((head
                + "          - {use: train_ai_system, legal_basis: legitimate-interest, recipients: [processor, third-party]}\n"
                + "          - {use: marketing}\n").getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.scenario().disclosures()).extracting(d -> d.legalBasis() + " " + d.recipients())
                .containsExactly("LEGITIMATE_INTEREST [PROCESSOR, THIRD_PARTY]", "null []");

        LoadResult bad = ScenarioLoader.parse((head
                + "          - {use: train_ai_system, legal_basis: legitimate-interests}\n"
                + "          - {use: train_ai_system, legal_basis: setting}\n"
                + "          - {use: train_ai_system, recipients: [thrid-party, self]}\n"
                + "          - {use: train_ai_system, recipient: [processor]}\n").getBytes(StandardCharsets.UTF_8), "bad.yaml");
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "bad.yaml:11:49: error: 'legal_basis' in documents[0].versions[0].discloses[0] has unknown value 'legitimate-interests' (did you mean 'legitimate-interest'?); expected one of: consent | parental-consent | legitimate-interest | contract",
                "bad.yaml:12:49: error: 'legal_basis' in documents[0].versions[0].discloses[1] has unknown value 'setting'; expected one of: consent | parental-consent | legitimate-interest | contract",
                "bad.yaml:13:49: error: documents[0].versions[0].discloses[2].recipients[0]: unknown kind of recipient 'thrid-party' (did you mean 'third-party'?); expected one of: affiliate | processor | third-party | addressee | public",
                "bad.yaml:13:62: error: documents[0].versions[0].discloses[2].recipients[1]: 'self' is the platform itself, not a recipient; expected one of: affiliate | processor | third-party | addressee | public",
                "bad.yaml:14:36: error: unknown key 'recipient' in documents[0].versions[0].discloses[3] (did you mean 'recipients'?); expected one of: categories, legal_basis, recipients, use");
    }

    @Test
    void subjects_say_when_they_were_told_and_an_art_14_exemption_only_where_art_14_applies() {
        String head = "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\nsubjects:\n";
        LoadResult ok = ScenarioLoader.parse((head
                + "  - {id: a, region: FR, count: 5, source: public-web, since: 2024-01-01,\n"
                + "     informed: {channel: email, sent: 2024-01-20}}\n"
                + "  - {id: b, region: FR, count: 5, source: third-party, since: 2024-01-01,\n"
                + "     exemption: {kind: disproportionate-effort, measures: notice published}}\n").getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.scenario().subjects()).extracting(s -> s.informed() + " " + s.exemption())
                .containsExactly("Notice[channel=email, sent=2024-01-20] null", "null disproportionate-effort (notice published)");

        LoadResult bad = ScenarioLoader.parse((head
                + "  - {id: a, region: FR, count: 5, source: public-web, since: 2024-01-01, informd: {channel: email, sent: 2024-01-20}}\n"
                + "  - {id: b, region: FR, count: 5, source: public-web, since: 2024-01-01, informed: {channel: email, sent: 2024-02-30}}\n"
                + "  - {id: c, region: FR, count: 5, source: directly, since: 2024-01-01, exemption: {kind: impossible, measures: m}}\n"
                + "  - {id: d, region: FR, count: 5, source: members, since: 2024-01-01, exemption: {kind: too-many, measures: \" \"}}\n"
                + "  - {id: e, region: FR, count: 5, source: members, since: 2024-01-01, exemption: {kind: impossible}}\n")
                .getBytes(StandardCharsets.UTF_8), "bad.yaml");
        assertThat(bad.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "bad.yaml:5:74: error: unknown key 'informd' in subjects[0] (did you mean 'informed'?); expected one of: count, exemption, id, informed, region, since, source",
                "bad.yaml:6:107: error: 'sent' in subjects[1].informed is not a valid date (YYYY-MM-DD): \"2024-02-30\"",
                "bad.yaml:7:83: error: 'exemption' in subjects[2] is GDPR Art. 14(5)(b), for data not obtained from the people; source directly is Art. 13, which has no such exemption",
                "bad.yaml:8:89: error: 'kind' in subjects[3].exemption has unknown value 'too-many'; expected one of: impossible | disproportionate-effort",
                "bad.yaml:8:109: error: 'measures' in subjects[3].exemption must not be empty",
                "bad.yaml:9:82: error: missing required key 'measures' in subjects[4].exemption");
    }

    private static final String HISTORY = """
            scenario: h
            as_of: 2025-06-01
            platform: {name: x}
            settings:
              - id: assist
                introduced: 2024-01-01
                default: off
                enables: [functional.service]
                changes:
            %s
            """;

    @Test
    void a_setting_s_default_changes_and_withdrawal_are_read_in_date_order() {
        String yaml = HISTORY.formatted("      - {on: 2024-03-01, default: on}\n      - {on: 2024-09-01, default: off}\n    withdrawn: 2025-01-01");
        LoadResult result = ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "h.yaml");
        assertThat(result.diagnostics()).isEmpty();
        dev.covenant.model.Setting setting = result.scenario().settings().get(0);
        assertThat(setting.changes()).extracting(dev.covenant.model.Setting.DefaultChange::on)
                .containsExactly(java.time.LocalDate.parse("2024-03-01"), java.time.LocalDate.parse("2024-09-01"));
        assertThat(setting.withdrawn()).isEqualTo("2025-01-01");
        assertThat(setting.defaultOnPeriods()).containsExactly(
                new dev.covenant.model.Period(java.time.LocalDate.parse("2024-03-01"), java.time.LocalDate.parse("2024-08-31")));
        assertThat(setting.defaultOn()).as("on by default for a while: defaults on").isTrue();
        // Known on 2024-06-01, the later change to off and the withdrawal have not happened: still on, open-ended.
        assertThat(setting.knownOn(java.time.LocalDate.parse("2024-06-01")).defaultOnPeriods())
                .containsExactly(dev.covenant.model.Period.since(java.time.LocalDate.parse("2024-03-01")));
    }

    @Test
    void a_misspelt_key_in_a_default_change_suggests_the_right_one() {
        String yaml = HISTORY.formatted("      - {on: 2024-03-01, defualt: on}");
        LoadResult result = ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "h.yaml");
        assertThat(result.diagnostics()).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("unknown key 'defualt' in settings[0].changes[0]", "did you mean 'default'?"));
        String setting = HISTORY.formatted("      - {on: 2024-03-01, default: on}").replace("changes:", "chagnes:");
        assertThat(ScenarioLoader.parse(setting.getBytes(StandardCharsets.UTF_8), "h.yaml").diagnostics()).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("unknown key 'chagnes' in settings[0]", "did you mean 'changes'?"));
    }

    @Test
    void default_changes_out_of_order_or_changing_nothing_and_an_early_withdrawal_are_refused() {
        assertThat(messages(HISTORY.formatted("      - {on: 2023-12-01, default: on}")))
                .containsExactly("'on' in settings[0].changes[0]: 2023-12-01 must be after 'introduced' (2024-01-01); changes are listed in date order");
        assertThat(messages(HISTORY.formatted("      - {on: 2024-05-01, default: on}\n      - {on: 2024-04-01, default: off}")))
                .containsExactly("'on' in settings[0].changes[1]: 2024-04-01 must be after the change before it (2024-05-01); changes are listed in date order");
        assertThat(messages(HISTORY.formatted("      - {on: 2024-05-01, default: off}")))
                .containsExactly("'default' in settings[0].changes[0]: the default is already off on 2024-05-01; a change must turn it on");
        assertThat(messages(HISTORY.formatted("      - {on: 2024-05-01, default: on}\n    withdrawn: 2024-05-01")))
                .containsExactly("'withdrawn' in settings[0]: 2024-05-01 must be after the last default change (2024-05-01)");
        assertThat(messages(HISTORY.formatted("      - {on: 2024-05-01, default: maybe}")))
                .singleElement().asString().contains("'default' in settings[0].changes[0] must be on/off or true/false");
    }

    private static final String RETAINING = """
            scenario: r
            as_of: 2025-06-01
            platform: {name: x}
            promises:
              - {id: faq, source: "Help: kept 30 days", kind: public-statement, since: 2024-01-01, %s}
            practices:
              - id: chats
                use: essential.service
                started: 2024-01-01
                retention: {%s}
            deletion_requests:
              - {id: req, region: DE, count: 3, received: 2024-09-02, practices: [chats], %s}
            """;

    @Test
    void retention_deletion_requests_and_retention_statements_are_read() {
        LoadResult ok = ScenarioLoader.parse(RETAINING.formatted("retention_days: 30, promises_deletion: true",
                "limit_days: 90, kept_days: 400, on_account_deletion: anonymised, legal_hold: true", "completed: 2024-09-20")
                .getBytes(StandardCharsets.UTF_8), "r.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.scenario().retentions()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("chats");
            assertThat(r.limitDays()).isEqualTo(90);
            assertThat(r.keptDays()).isEqualTo(400);
            assertThat(r.onAccountDeletion()).isEqualTo(dev.covenant.model.AccountDeletion.ANONYMISED);
            assertThat(r.legalHold()).isTrue();
        });
        assertThat(ok.scenario().deletionRequests()).singleElement().satisfies(d -> {
            assertThat(d.practices()).containsExactly("chats");
            assertThat(d.due()).as("GDPR Art. 12(3): one month").isEqualTo("2024-10-02");
            assertThat(d.completed()).isEqualTo("2024-09-20");
        });
        assertThat(ok.scenario().promises().get(0).retentionDays()).isEqualTo(30);
        assertThat(ok.scenario().promises().get(0).promisesDeletion()).isTrue();
    }

    @Test
    void misspelt_retention_keys_suggest_the_right_one() {
        assertThat(messages(RETAINING.formatted("retention_day: 30", "limit_days: 90", "completed: 2024-09-20")))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'retention_day' in promises[0]", "did you mean 'retention_days'?"));
        assertThat(messages(RETAINING.formatted("retention_days: 30", "limit_day: 90", "completed: 2024-09-20")))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'limit_day' in practices[0].retention", "did you mean 'limit_days'?"));
        assertThat(messages(RETAINING.formatted("retention_days: 30", "limit_days: 90", "complete: 2024-09-20")))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'complete' in deletion_requests[0]", "did you mean 'completed'?"));
        assertThat(messages(RETAINING.formatted("retention_days: 30", "limit_days: 90", "completed: 2024-09-20")
                .replace("deletion_requests:", "deletion_request:")))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'deletion_request'", "did you mean 'deletion_requests'?"));
        assertThat(messages(RETAINING.formatted("retention_days: 30", "limit_days: 90", "completed: 2024-09-20")
                .replace("practices: [chats]", "practices: [chat]")))
                .anySatisfy(m -> assertThat(m).contains("refers to practice 'chat', which is not defined under 'practices'", "did you mean 'chats'?"));
    }

    @Test
    void bad_retention_values_are_refused() {
        assertThat(messages(RETAINING.formatted("retention_days: 30", "limit_days: 0", "completed: 2024-09-20")))
                .containsExactly("'limit_days' in practices[0].retention: must be from 1 to 36525 days, got 0");
        assertThat(messages(RETAINING.formatted("retention_days: 30", "on_account_deletion: archived", "completed: 2024-09-20")))
                .singleElement().asString().contains("'on_account_deletion' in practices[0].retention has unknown value 'archived'",
                        "deleted | anonymised | kept");
        assertThat(messages(RETAINING.formatted("retention_days: 30", "legal_hold: true", "completed: 2024-09-20")))
                .containsExactly("practices[0].retention says nothing: state limit_days, kept_days or on_account_deletion");
        assertThat(messages(RETAINING.formatted("retention_days: 30", "limit_days: 90", "completed: 2024-08-01")))
                .containsExactly("'completed' (2024-08-01) is before 'received' (2024-09-02) in deletion_requests[0]");
        assertThat(messages(RETAINING.formatted("retention_days: 30", "limit_days: 90", "completed: 2024-09-20")
                .replace("kind: public-statement", "kind: contract")))
                .containsExactly("'retention_days' in promises[0] is read of a statement made to members: it needs kind public-statement or collection-prompt, not contract");
    }

    @Test
    void a_biometric_retention_schedule_states_both_limits_strictly() {
        String yaml = "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\ndocuments:\n  - id: policy\n    kind: biometric-policy\n"
                + "    versions:\n      - version: v1\n        published: 2024-01-01\n        biometric_retention: %s\n";
        LoadResult ok = ScenarioLoader.parse(yaml.formatted("{on_purpose_satisfied: true, years_after_last_interaction: 3}")
                .getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.scenario().biometricSchedules()).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo("policy@v1:biometric_retention");
            assertThat(b.published()).isEqualTo(java.time.LocalDate.of(2024, 1, 1));
            assertThat(b.meetsIllinoisLimits()).isTrue();
        });
        assertThat(ScenarioLoader.parse(yaml.formatted("{on_purpose_satisfied: false, years_after_last_interaction: 5}")
                .getBytes(StandardCharsets.UTF_8), "long.yaml").scenario().biometricSchedules().get(0).shortfalls())
                .containsExactly("no destruction once the initial purpose is satisfied",
                        "keeps identifiers 5 years after the last interaction, more than 3");

        assertThat(messages(yaml.formatted("{on_purpose_satisfied: true, years_after_last_interation: 3}"))).containsExactly(
                "missing required key 'years_after_last_interaction' in documents[0].versions[0].biometric_retention",
                "unknown key 'years_after_last_interation' in documents[0].versions[0].biometric_retention (did you mean"
                        + " 'years_after_last_interaction'?); expected one of: on_purpose_satisfied, years_after_last_interaction");
        assertThat(messages(yaml.formatted("{on_purpose_satisfied: sometimes, years_after_last_interaction: three}")))
                .containsExactly("'on_purpose_satisfied' in documents[0].versions[0].biometric_retention must be on/off or true/false, got the string \"sometimes\"",
                        "'years_after_last_interaction' in documents[0].versions[0].biometric_retention must be a whole number, got the string \"three\"");
    }

    @Test
    void a_recipient_may_be_sold_to_but_the_platform_itself_may_not() {
        String head = "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\npractices:\n  - id: p\n    use: third_party_sharing\n"
                + "    started: 2024-08-01\n    recipients:\n";
        LoadResult ok = ScenarioLoader.parse((head + "      - {name: Broker, relationship: third-party, sold: true}\n"
                + "      - {name: Partner, relationship: affiliate}\n").getBytes(StandardCharsets.UTF_8), "ok.yaml");
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.scenario().practices().get(0).recipients()).extracting(r -> r.name() + "/" + r.sold())
                .containsExactly("Broker/true", "Partner/false");

        assertThat(messages(head + "      - {name: Us, relationship: self, sold: true}\n"
                + "      - {name: Broker, relationship: third-party, sold: maybe}\n"
                + "      - {name: Other, relationship: third-party, sould: true}\n")).containsExactly(
                "'sold' in practices[0].recipients[0] names a sale to someone else; this recipient is the platform itself (self)",
                "'sold' in practices[0].recipients[1] must be on/off or true/false, got the string \"maybe\"",
                "unknown key 'sould' in practices[0].recipients[2] (did you mean 'sold'?); expected one of: name, purpose, relationship, sold");
    }

    private static List<String> messages(String yaml) {
        return ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "h.yaml").diagnostics().stream().map(Diagnostic::message).toList();
    }

    private static List<Diagnostic> invalid(String name) {
        LoadResult result = ScenarioLoader.load(INVALID.resolve(name), name);
        assertThat(result.isValid()).as("%s should be invalid", name).isFalse();
        return result.diagnostics();
    }
}
