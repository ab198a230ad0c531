package dev.covenant.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.catalog.RuleCatalogWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the pack and the fixtures; it must not drift from them. */
class RulesDocTest {

    @Test
    void docs_rules_md_matches_the_rule_pack_and_its_fixtures() throws IOException {
        FixtureRun run = FixtureRun.of(new Evaluator(ShippedRules.get(), Limits.DEFAULT), List.of(ShippedRules.FIXTURES));
        StringWriter generated = new StringWriter();
        try (dev.covenant.engine.RuleBase records = dev.covenant.engine.RuleBase.compile(
                dev.covenant.engine.RuleSources.readRecords(Path.of("rules")))) {
            RuleCatalogWriter.write("markdown", ShippedRules.get().catalog(), records.catalog(), run,
                    dev.covenant.catalog.Regimes.read(Path.of("rules")).regimes(), generated);
        }

        Path fresh = Path.of("target/rules.md");
        Files.writeString(fresh, generated.toString());
        assertThat(Files.readString(Path.of("docs/rules.md")))
                .as("docs/rules.md is stale; regenerate with ./covenant rules --format markdown > docs/rules.md (or copy %s)", fresh)
                .isEqualTo(generated.toString());
        assertThat(generated.toString()).contains("## SCA-DISCLOSURE", "18 U.S.C. § 2707(c) — US members",
                "Cal. Civ. Code § 1798.100(b) — US-CA members; conduct from 2020-01-01 to 2023-06-30",
                "Legal reading:\n- Theory: Statutory duty: the Stored Communications Act, 18 U.S.C. § 2702(a)(1)");
    }
}
