package dev.covenant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped obligation rules read as obligations (docs/writing-rules.md): what they keep asking of the facts is
 * a derived fact, not an {@code accumulate ... collectList} in every rule; the message is the rule's
 * {@code @message}, not a {@code String.format} in Java; a consequence is one statement.
 */
class ShippedRuleConventionsTest {

    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]*)\"(.*?)^\\s*when\\s*$(.*?)^\\s*then\\s*$(.*?)^\\s*end\\s*$");

    record ShippedRule(String file, String name, String metadata, String when, String then) {
        boolean derives() {
            return metadata.contains("@derive");
        }
    }

    @Test
    void obligation_rules_have_no_aggregation_boilerplate_and_no_formatting_in_consequences() throws IOException {
        List<ShippedRule> obligations = rules().stream().filter(r -> !r.derives()).toList();

        // The decision table's rows are read as the DRL generated from them (RuleSources holds it).
        assertThat(obligations).hasSizeGreaterThan(15).anyMatch(r -> r.file().endsWith(".drl.csv"));
        assertThat(obligations).allSatisfy(rule -> {
            assertThat(rule.when()).as(rule.file() + ": " + rule.name()).doesNotContain("accumulate", "collectList");
            assertThat(withoutComments(rule.then())).as(rule.file() + ": " + rule.name())
                    .doesNotContain("String.format", "ChronoUnit", ".message(", "String.join")
                    .satisfies(then -> assertThat(then.strip().split(";")).as("one statement").hasSize(1));
        });
    }

    @Test
    void every_rule_that_reports_a_finding_states_its_message_in_metadata() throws IOException {
        assertThat(rules().stream().filter(r -> r.then().contains("finding(kcontext)")))
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.metadata()).as(rule.file() + ": " + rule.name()).contains("@message(\""));
    }

    private static List<ShippedRule> rules() throws IOException {
        List<ShippedRule> rules = new ArrayList<>();
        for (Map.Entry<String, String> file : RuleSources.read(ShippedRules.RULES).files().entrySet()) {
            Matcher m = RULE.matcher(file.getValue());
            while (m.find()) {
                rules.add(new ShippedRule(file.getKey(), m.group(1), m.group(2), m.group(3), m.group(4)));
            }
        }
        return rules;
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?m)//.*$", "");
    }
}
