package dev.covenant.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.covenant.ShippedRules;
import dev.covenant.finding.Citation;
import dev.covenant.finding.Conduct;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.model.LegalGround;
import dev.covenant.model.Period;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import dev.covenant.source.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each citation governs conduct in its in-force period, for the legal basis it concerns (issue #16): the
 * fixtures under fixtures/in-force pin the rule ids; this pins what each finding cites.
 */
class CitationsInForceTest {

    @TempDir
    Path dir;

    @Test
    void the_ccpa_is_not_cited_for_conduct_that_ended_before_it_was_operative() throws IOException {
        ScenarioResult result = evaluate(Files.readString(Path.of("fixtures/in-force/ccpa-before-operative.yaml")));

        assertThat(ids(result)).containsExactly("UCL-UNLAWFUL", "UNDISCLOSED-CATEGORY");
        assertThat(single(result, "UNDISCLOSED-CATEGORY").citations()).containsExactly("15 U.S.C. § 45(a)(1)");
    }

    @Test
    void conduct_across_the_cpra_renumbering_cites_both_numberings_and_the_regulation_from_its_date() throws IOException {
        String across = Files.readString(Path.of("fixtures/in-force/ccpa-across-renumbering.yaml"));
        ScenarioResult result = evaluate(across);

        assertThat(single(result, "CCPA-PURPOSE").citations()).containsExactly("Cal. Civ. Code § 1798.100(b)",
                "Cal. Civ. Code § 1798.100(a)(1)", "Cal. Code Regs. tit. 11, § 7002");
        assertThat(single(result, "UNDISCLOSED-CATEGORY").citations()).containsExactly("15 U.S.C. § 45(a)(1)",
                "Cal. Civ. Code § 1798.100(b)", "Cal. Civ. Code § 1798.100(a)(1)");

        // Conduct that ended before the regulation and the successor section, judged later: the original text only.
        ScenarioResult ended = evaluate(across.replace("ended: null", "ended: 2022-12-31"));
        assertThat(single(ended, "CCPA-PURPOSE").citations()).containsExactly("Cal. Civ. Code § 1798.100(b)");
        // Conduct that began after the CPRA's enforcement date: the successor only.
        ScenarioResult after = evaluate(across.replace("started: 2019-06-01", "started: 2023-09-01"));
        assertThat(single(after, "CCPA-PURPOSE").citations()).containsExactly("Cal. Civ. Code § 1798.100(a)(1)",
                "Cal. Code Regs. tit. 11, § 7002");
    }

    @Test
    void precedents_are_authority_only_for_conduct_from_their_dates() throws IOException {
        String y2011 = Files.readString(Path.of("fixtures/in-force/default-on-2011.yaml"));
        ScenarioResult result = evaluate(y2011);

        assertThat(single(result, "OPT-OUT-DEFAULT").citations()).containsExactly("15 U.S.C. § 45(a)(1)", "15 U.S.C. § 45(n)");
        assertThat(single(result, "OPT-OUT-NOT-RETROACTIVE").citations()).containsExactly("15 U.S.C. § 45(n)");

        // The same default still on in 2022: conduct continuing past In re Facebook (2012) and Everalbum (2021).
        ScenarioResult later = evaluate(y2011.replace("as_of: 2012-03-01", "as_of: 2022-03-01").replace("ended: 2011-12-31", "ended: null"));
        assertThat(single(later, "OPT-OUT-DEFAULT").citations()).contains("In re Facebook, Inc., FTC File No. 092-3184 (2012) (affirmative express consent)");
        assertThat(single(later, "OPT-OUT-NOT-RETROACTIVE").citations())
                .containsExactly("15 U.S.C. § 45(n)", "In re Everalbum, Inc. (FTC 2021) (deletion of models built from the data)");
    }

    @Test
    void the_ftc_staff_guidance_of_2024_is_cited_only_for_conduct_continuing_after_it() throws IOException {
        String alleged = Files.readString(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml"));
        String guidance = "FTC, \"AI (and other) Companies: Quietly Changing Your Terms of Service Could Be Unfair or Deceptive\" (2024-02-13)";

        assertThat(single(evaluate(alleged), "RETROACTIVE-DISCLOSURE").citations()).contains(guidance);
        String before = alleged.replace("started: 2024-08-01\n    ended: null", "started: 2023-08-01\n    ended: 2024-01-31");
        assertThat(before).isNotEqualTo(alleged);
        assertThat(evaluate(before).findings()).filteredOn(f -> f.ruleId().equals("RETROACTIVE-DISCLOSURE")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.citations()).doesNotContain(guidance));
        // "Continuing after" the post: conduct that ended on its day is not.
        String onTheDay = alleged.replace("started: 2024-08-01\n    ended: null", "started: 2023-08-01\n    ended: 2024-02-13");
        assertThat(evaluate(onTheDay).findings()).filteredOn(f -> f.ruleId().equals("RETROACTIVE-DISCLOSURE")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.citations()).doesNotContain(guidance));
    }

    @Test
    void an_opt_out_setting_is_objection_under_art_21_not_withdrawal_of_consent() throws IOException {
        String kept = Files.readString(Path.of("fixtures/in-force/eu-opt-out-model-kept.yaml"));

        assertThat(single(evaluate(kept), "OPT-OUT-NOT-RETROACTIVE").citations()).containsExactly("GDPR Art. 21(1)", "GDPR Art. 17(1)(c)");
        // The same setting defaulting off: members consented when they turned it on, so the use had valid consent.
        assertThat(ids(evaluate(kept.replace("default: on", "default: off")))).doesNotContain("OPT-OUT-NOT-RETROACTIVE");
        // Used in 2016-2017, before the GDPR applied, but the model is still kept in 2025: keeping it is the
        // conduct an opt-out now leaves in place, so the GDPR governs it.
        String before = kept.replace("2024-11-01", "2016-01-01").replace("published: 2024-10-01", "published: 2015-10-01")
                .replace("joined: { from: 2020-02-01 }", "joined: { from: 2015-02-01 }").replace("ended: null", "ended: 2017-12-31");
        assertThat(single(evaluate(before), "OPT-OUT-NOT-RETROACTIVE").citations()).containsExactly("GDPR Art. 21(1)", "GDPR Art. 17(1)(c)");
        // A deleted model leaves nothing in place.
        assertThat(ids(evaluate(Files.readString(Path.of("fixtures/in-force/eu-opt-out-model-deleted.yaml")))))
                .doesNotContain("OPT-OUT-NOT-RETROACTIVE");
    }

    @Test
    void uk_members_before_2021_are_under_the_eu_gdpr_and_after_it_under_the_uk_gdpr() throws IOException {
        String kept = Files.readString(Path.of("fixtures/in-force/eu-opt-out-model-kept.yaml")).replace("region: DE", "region: UK");
        String early = kept.replace("as_of: 2025-06-30", "as_of: 2020-10-01").replace("2024-11-01", "2019-11-01")
                .replace("published: 2024-10-01", "published: 2019-10-01").replace("joined: { from: 2020-02-01 }", "joined: { from: 2018-02-01 }");

        assertThat(single(evaluate(early), "PRIVACY-BY-DEFAULT").citations())
                .containsExactly("GDPR Art. 25(2)", "GDPR Art. 25(1)", "GDPR Art. 5(1)(c)");
        assertThat(single(evaluate(early.replace("as_of: 2020-10-01", "as_of: 2021-06-01")), "PRIVACY-BY-DEFAULT").citations())
                .containsExactly("GDPR Art. 25(2)", "GDPR Art. 25(1)", "GDPR Art. 5(1)(c)",
                        "UK GDPR Art. 25(2)", "UK GDPR Art. 25(1)", "UK GDPR Art. 5(1)(c)");
        assertThat(single(evaluate(kept), "PRIVACY-BY-DEFAULT").citations())
                .containsExactly("UK GDPR Art. 25(2)", "UK GDPR Art. 25(1)", "UK GDPR Art. 5(1)(c)");
    }

    @Test
    void conduct_is_what_has_happened_by_as_of_even_when_an_end_is_stated_later() throws IOException {
        String before = Files.readString(Path.of("fixtures/in-force/ccpa-before-operative.yaml"));
        // Judged in mid-2019, a practice stated to end in 2021 has so far run only in 2019: no CCPA yet.
        ScenarioResult result = evaluate(before.replace("as_of: 2021-03-01", "as_of: 2019-06-01")
                .replace("started: 2013-01-01", "started: 2019-01-01").replace("ended: 2019-06-30", "ended: 2021-12-31"));

        assertThat(ids(result)).doesNotContain("CCPA-PURPOSE");
        assertThat(single(result, "UNDISCLOSED-CATEGORY").citations()).containsExactly("15 U.S.C. § 45(a)(1)");
    }

    @Test
    void a_statement_breached_only_before_the_gdpr_cites_no_gdpr_and_its_own_wording_does_not_keep_it_alive() {
        String yaml = CitationScopeTest.OBJECTION.replace("scenario: objection-us-only", "scenario: region-exclusion-2016")
                .replace("as_of: 2025-01-21", "as_of: 2024-06-01").replace("region: US,", "region: DE,")
                .replace("documents:", """
                        promises:
                          - id: no-eu-training
                            source: "Public statement (2016): we do not train models on EU members' posts"
                            kind: public-statement
                            excludes_regions: [EU]
                            uses: [train_ai_system]
                            since: 2016-01-01
                            until: 2017-12-31
                        documents:""")
                .replace("objection: {method: email}", "objection: {method: setting}")
                .replace("started: 2024-01-01", "started: 2016-01-01\n    ended: %s");

        // The breach ran in 2016-2017, before the GDPR applied: the statement's own wording is no law to cite.
        assertThat(ids(evaluate(yaml.formatted("2017-12-31")))).doesNotContain("REGION-EXCLUSION-BREACH");
        assertThat(ids(evaluate(yaml.formatted("null")))).as("the practice runs on, but the statement ended in 2017")
                .doesNotContain("REGION-EXCLUSION-BREACH");
        // The same statement in force in 2019: the GDPR applies to the breach.
        assertThat(single(evaluate(yaml.formatted("null").replace("until: 2017-12-31", "until: 2019-12-31")), "REGION-EXCLUSION-BREACH")
                .citations()).contains("GDPR Art. 5(1)(a)", "GDPR Art. 13(3)");
    }

    @Test
    void the_syntax_reads_region_period_basis_and_use_and_says_what_it_governs() {
        Citation c = Citation.parse("[EEA from 2018-05-25 to 2020-12-31 basis legitimate-interest, opt-out use marketing] GDPR Art. 21(3)");

        assertThat(c.text()).isEqualTo("GDPR Art. 21(3)");
        assertThat(c.scope()).isEqualTo("EEA");
        assertThat(c.from()).isEqualTo(LocalDate.of(2018, 5, 25));
        assertThat(c.to()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(c.grounds()).containsExactlyInAnyOrder(LegalGround.LEGITIMATE_INTEREST, LegalGround.OPT_OUT);
        assertThat(c.use()).isEqualTo("marketing");
        assertThat(c).hasToString("GDPR Art. 21(3) (EEA members; conduct from 2018-05-25 to 2020-12-31;"
                + " basis legitimate-interest or opt-out; use marketing)");

        Conduct fr2019 = Conduct.of(List.of("FR"), new Period(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 6, 30)),
                List.of(LegalGround.OPT_OUT), List.of("marketing.advertising"));
        assertThat(c.appliesTo(fr2019)).isTrue();
        assertThat(c.appliesTo(Conduct.of(Set.of("FR"), fr2019.period(), List.of(LegalGround.CONSENT), fr2019.uses()))).isFalse();
        assertThat(c.appliesTo(Conduct.of(Set.of("FR"), fr2019.period(), fr2019.grounds(), List.of("train_ai_system")))).isFalse();
        assertThat(c.appliesTo(Conduct.of(Set.of("US"), fr2019.period(), fr2019.grounds(), fr2019.uses()))).isFalse();
        assertThat(c.appliesTo(Conduct.of(Set.of("FR"), new Period(LocalDate.of(2017, 1, 1), LocalDate.of(2018, 5, 24)),
                fr2019.grounds(), fr2019.uses()))).as("conduct ending the day before the period").isFalse();
        assertThat(c.appliesTo(Conduct.of(Set.of("FR"), new Period(LocalDate.of(2017, 1, 1), LocalDate.of(2018, 5, 25)),
                fr2019.grounds(), fr2019.uses()))).as("conduct overlapping its first day").isTrue();

        Citation notConsent = Citation.parse("[US basis not consent] 15 U.S.C. § 45(n)");
        assertThat(notConsent.appliesTo(Conduct.of(Set.of("US"), fr2019.period(), List.of(LegalGround.OPT_OUT), List.of()))).isTrue();
        assertThat(notConsent.appliesTo(Conduct.of(Set.of("US"), fr2019.period(), List.of(LegalGround.CONSENT), List.of()))).isFalse();
        assertThat(Citation.parse("Breach of contract").conditions()).isNull();
    }

    @Test
    void a_malformed_qualifier_is_an_error_naming_the_rule_its_line_and_what_is_wrong() throws IOException {
        Files.writeString(dir.resolve("bad.drl"), """
                package test.rules;

                import dev.covenant.model.Practice;
                import function dev.covenant.engine.FindingBuilder.finding;

                rule "bad citations"
                    @id("X-1") @title("t") @severity("low")
                    @reference("[US from 2020-13-01] A; [EEA basis consnt] B; [US UK] C; [US to 2019-01-01 from 2020-01-01] D; [use nonsense] E; [Mars] F")
                when
                    $p : Practice( )
                then
                end
                """);
        List<Diagnostic> diagnostics;
        try (RuleBase rules = RuleBase.compile(dir)) {
            diagnostics = rules.diagnostics();
        }

        assertThat(diagnostics).extracting(d -> d.where().line() + " " + d.message()).containsExactlyInAnyOrder(
                "6 rule 'bad citations': citation '[US from 2020-13-01] A': 'from 2020-13-01' is not a date; write YYYY-MM-DD",
                "6 rule 'bad citations': citation [EEA basis consnt]: 'basis' is followed by 'consnt'; expected one or more of: "
                        + "consent, legitimate-interest, contract, opt-out, unstated",
                "6 rule 'bad citations': citation scope [US UK]: 'UK' is a second region; a citation has at most one; write [US],"
                        + " [US-CA], [EEA], [UK], [CH] or another region code, then 'from DATE', 'to DATE', 'basis KIND[, KIND]' or 'use USE'",
                "6 rule 'bad citations': citation 'D' is in force to 2019-01-01, before it is from 2020-01-01",
                "6 rule 'bad citations': citation [use nonsense]: 'nonsense' is not a data use of the taxonomy",
                "6 rule 'bad citations': citation scope [Mars]: 'Mars' is not a region; write [US], [US-CA], [EEA], [UK], [CH]"
                        + " or another region code, then 'from DATE', 'to DATE', 'basis KIND[, KIND]' or 'use USE'");
        assertThatThrownBy(() -> Citation.parse("[from] X")).hasMessageContaining("'from' needs a date (YYYY-MM-DD) after it");
    }

    private static List<String> ids(ScenarioResult result) {
        return result.findings().stream().map(Finding::ruleId).sorted().toList();
    }

    private static Finding single(ScenarioResult result, String id) {
        List<Finding> matching = result.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
        assertThat(matching).as(id + " in " + ids(result)).hasSize(1);
        return matching.get(0);
    }

    private static ScenarioResult evaluate(String yaml) {
        LoadResult loaded = ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "inline.yaml");
        assertThat(loaded.diagnostics()).filteredOn(d -> !d.isWarning()).isEmpty();
        return new Evaluator(ShippedRules.get(), Limits.DEFAULT).evaluate(loaded.scenario());
    }
}
