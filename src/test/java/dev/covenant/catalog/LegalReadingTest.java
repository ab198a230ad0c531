package dev.covenant.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.ShippedRules;
import dev.covenant.engine.RuleBase;
import dev.covenant.engine.RuleSources;
import dev.covenant.finding.LegalReading;
import dev.covenant.finding.RuleDescriptor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule's reading of the law ({@code @theory}, {@code @elements}, {@code @exceptions}, {@code @notCovered}) is read
 * into its descriptor and rendered by the catalog; every shipped obligation rule, scenario and record, states all four.
 */
class LegalReadingTest {

    private static final String RULES = """
            package test.rules;

            import dev.covenant.model.Practice;
            import function dev.covenant.engine.FindingBuilder.finding;

            rule "READ: a rule that states its reading"
                @theory("Deception, 15 U.S.C. § 45(a)(1)")
                @elements("a representation (a published document); material to members; it misleads them (the practice)")
                @exceptions("none")
                @notCovered("whether the platform is a \\"business\\"")
                @id("READ") @title("t") @severity("high") @basis("statute") @reference("[US] 15 U.S.C. § 45(a)(1)")
            when
                $p : Practice( )
            then
                finding(kcontext).about($p).report();
            end

            rule "UNREAD: a custom rule that states none"
                @id("UNREAD") @title("u") @severity("low") @reference("Some text")
            when
                $p : Practice( )
            then
                finding(kcontext).about($p).report();
            end
            """;

    @TempDir
    Path dir;

    @Test
    void the_reading_is_parsed_into_the_descriptor_and_a_rule_without_one_reads_none() throws IOException {
        try (RuleBase rules = RuleBase.compile(pack(RULES))) {
            assertThat(rules.diagnostics()).isEmpty();
            LegalReading read = descriptor(rules, "READ").reading();
            assertThat(read.theory()).isEqualTo("Deception, 15 U.S.C. § 45(a)(1)");
            assertThat(read.elements()).containsExactly("a representation (a published document)", "material to members",
                    "it misleads them (the practice)");
            assertThat(read.exceptions()).isEqualTo("none");
            assertThat(read.notCovered()).isEqualTo("whether the platform is a \"business\"");
            assertThat(read.isComplete()).isTrue();
            assertThat(descriptor(rules, "UNREAD").reading()).isEqualTo(LegalReading.NONE);
        }
    }

    @Test
    void markdown_renders_a_legal_reading_block_and_nothing_for_a_rule_without_one() throws IOException {
        try (RuleBase rules = RuleBase.compile(pack(RULES))) {
            String markdown = render("markdown", rules);

            assertThat(markdown).contains("""
                    Legal reading:
                    - Theory: Deception, 15 U.S.C. § 45(a)(1)
                    - Elements:
                      - a representation (a published document)
                      - material to members
                      - it misleads them (the practice)
                    - Exceptions: none
                    - Not covered: whether the platform is a "business"
                    """);
            String unread = markdown.substring(markdown.indexOf("## UNREAD"));
            assertThat(unread).doesNotContain("Legal reading", "Theory");
        }
    }

    @Test
    void json_carries_the_parts_stated_and_omits_them_when_absent_and_text_stays_terse() throws IOException {
        try (RuleBase rules = RuleBase.compile(pack(RULES))) {
            JsonNode json = new ObjectMapper().readTree(render("json", rules)).path("rules");
            JsonNode read = json.get(0);
            assertThat(read.path("id").asText()).isEqualTo("READ");
            assertThat(read.path("theory").asText()).isEqualTo("Deception, 15 U.S.C. § 45(a)(1)");
            assertThat(read.path("elements")).hasSize(3);
            assertThat(read.path("elements").get(2).asText()).isEqualTo("it misleads them (the practice)");
            assertThat(read.path("exceptions").asText()).isEqualTo("none");
            assertThat(read.path("notCovered").asText()).isEqualTo("whether the platform is a \"business\"");
            JsonNode unread = json.get(1);
            assertThat(unread.path("id").asText()).isEqualTo("UNREAD");
            for (String key : List.of("theory", "elements", "exceptions", "notCovered")) {
                assertThat(unread.has(key)).as(key).isFalse();
            }

            String text = render("text", rules);
            assertThat(text).contains("    theory: Deception, 15 U.S.C. § 45(a)(1)\n").doesNotContain("misleads", "Not covered");
        }
    }

    @Test
    void an_empty_part_or_element_is_a_diagnostic_at_the_rule() throws IOException {
        String broken = RULES.replace("@exceptions(\"none\")", "@exceptions(\"\")")
                .replace("material to members; it", "material to members; ; it");
        try (RuleBase rules = RuleBase.compile(pack(broken))) {
            assertThat(rules.diagnostics()).extracting(d -> d.message())
                    .anySatisfy(m -> assertThat(m).contains("rule 'READ: a rule that states its reading': @exceptions is empty"))
                    .anySatisfy(m -> assertThat(m).contains("@elements has an empty element; separate elements with ';'"));
            assertThat(rules.diagnostics()).allSatisfy(d -> assertThat(d.where().line()).isEqualTo(6));
        }
    }

    @Test
    void every_shipped_obligation_rule_scenario_and_record_states_theory_elements_exceptions_and_what_it_does_not_cover()
            throws IOException {
        List<RuleDescriptor> shipped = new ArrayList<>(ShippedRules.get().catalog().obligations());
        try (RuleBase records = RuleBase.compile(RuleSources.readRecords(ShippedRules.RULES))) {
            assertThat(records.isUsable()).isTrue();
            shipped.addAll(records.catalog().obligations());
        }

        assertThat(shipped).extracting(RuleDescriptor::id).contains("SCA-DISCLOSURE", "REC-SCA-DISCLOSURE");
        List<String> incomplete = shipped.stream().filter(r -> !r.reading().isComplete())
                .map(r -> r.id() + " (" + r.declared().location() + ")").toList();
        assertThat(incomplete).as("obligation rules lacking one of @theory, @elements, @exceptions, @notCovered").isEmpty();
        // A reading with one element restates the rule; elements are what must be shown, each mapped to facts.
        List<String> oneElement = shipped.stream().filter(r -> r.reading().elements().size() < 2).map(RuleDescriptor::id).toList();
        assertThat(oneElement).as("obligation rules with fewer than two elements").isEmpty();
    }

    private Path pack(String text) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("r.drl"), text);
        return rules;
    }

    private static RuleDescriptor descriptor(RuleBase rules, String id) {
        return rules.catalog().obligations().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static String render(String format, RuleBase rules) throws IOException {
        StringWriter out = new StringWriter();
        RuleCatalogWriter.write(format, rules.catalog(), null, out);
        return out.toString();
    }
}
