package dev.covenant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.TestFiles;
import dev.covenant.finding.Finding;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.model.Scenario;
import dev.covenant.scenario.ScenarioLoader;
import dev.covenant.source.Diagnostic;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Obligation tables over the real engine: the shipped consent matrix, its cells checked and traced. */
class DecisionTablesTest {

    private static final String TABLE = "us/consent-uses.drl.csv";
    private static final Path FIRES = Path.of("fixtures/us/children-training.yaml");
    private static final Path NEAR_MISS = Path.of("fixtures/us/children-training-parental-consent.yaml");

    /**
     * The example in docs/writing-rules.md ("Obligation tables"): a second row of the consent matrix, a practice
     * reaching Virginia members that trains on or shares their precise geolocation without consent.
     */
    static final String LOCATION_ROW = "VA-SENSITIVE-LOCATION: precise geolocation used without consent,user.location.precise,"
            + "\"train_ai_system, third_party_sharing\",consent,US-VA,VA-SENSITIVE-LOCATION,"
            + "Precise geolocation used for AI training or sharing without consent (Virginia),high,statute,"
            + "[US-VA from 2023-01-01] Va. Code § 59.1-578(A)(5),"
            + "\"Statutory duty: the Virginia Consumer Data Protection Act, Va. Code § 59.1-578(A)(5): a controller shall not process"
            + " sensitive data, precise geolocation among it (§ 59.1-575), without the consumer's consent\","
            + "\"precise geolocation: the practice's categories include user.location.precise; a use: train_ai_system or"
            + " third_party_sharing; no consent: the practice's legal basis is not consent; Virginia members are reached\","
            + "\"The exemptions of § 59.1-576(C) are not applied. Near-miss it honours: a practice resting on consent\","
            + "\"Whether the controller meets the Act's thresholds (§ 59.1-576(A)); consent given through a setting\","
            + "\"A practice reaching Virginia members uses precise geolocation for AI training or sharing without consent.\","
            + "\"Practice '{practice}' uses precise geolocation for {practice.use} of {reached.members} Virginia members with legal basis {practice.basisStated}, not consent\",X\n";

    @TempDir
    Path dir;

    @Test
    void the_shipped_table_compiles_and_its_row_fires_over_the_real_engine_at_its_cell() throws IOException {
        RuleBase rules = RuleBase.compile(copyRules());
        assertThat(rules.diagnostics()).isEmpty();

        RuleDescriptor row = rules.catalog().rule("CHILD-DATA-TRAINING").descriptor();
        assertThat(row.declared().location()).endsWith("rules/us/consent-uses.drl.csv:A9");
        assertThat(rules.catalog().rule("CHILD-DATA-TRAINING").name())
                .as("the NAME column names the rule").startsWith("CHILD-DATA-TRAINING: children's data");
        assertThat(row.citations()).extracting(c -> c.text()).containsExactly("15 U.S.C. § 6502", "16 C.F.R. § 312.5");
        assertThat(row.reading().theory()).startsWith("Statutory duty: the Children's Online Privacy Protection Act");

        Finding finding = only(evaluate(rules, FIRES), "CHILD-DATA-TRAINING");
        assertThat(finding.message()).isEqualTo("Practice 'tutor-model-training' uses children's data for train_ai_system"
                + " with legal basis consent, not verifiable parental consent");
        assertThat(evaluate(rules, NEAR_MISS).findings()).extracting(Finding::ruleId).doesNotContain("CHILD-DATA-TRAINING");
    }

    @Test
    void a_new_row_is_a_new_rule_at_its_own_row() throws IOException {
        Path rules = copyRules();
        Files.writeString(rules.resolve(TABLE), Files.readString(rules.resolve(TABLE)) + LOCATION_ROW);
        RuleBase base = RuleBase.compile(rules);
        assertThat(base.diagnostics()).isEmpty();
        RuleInfo added = base.catalog().rule("VA-SENSITIVE-LOCATION");
        assertThat(added.declared().location()).endsWith("consent-uses.drl.csv:A10");
        assertThat(added.descriptor().citations()).singleElement().satisfies(c -> assertThat(c.scope()).isEqualTo("US-VA"));
    }

    @Test
    void anywhere_is_a_region_an_open_workbook_s_lock_file_is_not_a_table_and_a_cell_spanning_lines_is_named() throws IOException {
        Path rules = copyRules();
        String table = Files.readString(rules.resolve(TABLE));
        Files.writeString(rules.resolve(TABLE), table + LOCATION_ROW.replace(",US-VA,VA-SENSITIVE-LOCATION,", ",anywhere,VA-SENSITIVE-LOCATION,"));
        Files.write(rules.resolve("us/~$consent-uses.drl.xlsx"), new byte[] {0x50, 0x4b, 0, 1});

        assertThat(RuleBase.compile(rules).diagnostics()).isEmpty();

        Files.writeString(rules.resolve(TABLE), table.replace("(user.childrens) for train_ai_system", "(user.childrens)\nfor train_ai_system"));
        assertThat(RuleBase.compile(rules).diagnostics()).extracting(Diagnostic::format).singleElement().satisfies(d -> assertThat(d)
                .endsWith("rules/us/consent-uses.drl.csv:O9: error: the cell spans lines: Drools reads a CSV table one line at a time,"
                        + " so write the cell's text on one line"));
    }

    @Test
    void a_row_s_message_is_its_template_and_a_placeholder_typo_is_named_at_its_cell() throws IOException {
        Path rules = copyRules();
        Files.writeString(rules.resolve(TABLE), Files.readString(rules.resolve(TABLE)) + LOCATION_ROW.replace("{practice.use} of", "{practice.uses} of"));

        RuleBase base = RuleBase.compile(rules);

        assertThat(base.diagnostics()).extracting(Diagnostic::format).singleElement().satisfies(d -> assertThat(d)
                .endsWith("rules/us/consent-uses.drl.csv:P10: error: rule 'VA-SENSITIVE-LOCATION: precise geolocation used without"
                        + " consent': @message '{practice.uses}': Practice has no accessor 'uses' (did you mean 'use'?)"));
    }

    @Test
    void a_bad_taxonomy_key_or_region_in_a_cell_is_named_at_its_cell_with_a_suggestion_before_compiling() throws IOException {
        Path rules = copyRules();
        String table = Files.readString(rules.resolve(TABLE));
        Files.writeString(rules.resolve(TABLE), table.replace(",user.childrens,", ",user.childrns,")
                .replace("train_ai_system, third_party_sharing", "train_ai_system, third_party_shareing")
                .replace(",parental-consent,US,", ",parental_consent,Germany,"));

        RuleBase base = RuleBase.compile(rules);

        assertThat(base.isUsable()).isFalse();
        assertThat(base.diagnostics()).extracting(Diagnostic::format).anySatisfy(d -> assertThat(d)
                .endsWith("rules/us/consent-uses.drl.csv:B9: error: Data category 'user.childrns' is not a Fides data category"
                        + " (did you mean 'user.childrens'?)"));
        assertThat(base.diagnostics()).extracting(Diagnostic::format)
                .anySatisfy(d -> assertThat(d).contains("consent-uses.drl.csv:C9: error: Uses (any of) 'third_party_shareing'")
                        .contains("did you mean 'third_party_sharing'?"))
                .anySatisfy(d -> assertThat(d).contains("consent-uses.drl.csv:D9: error: Legal ground the law requires"
                        + " 'parental_consent' is not a legal basis (did you mean 'parental-consent'?)"))
                .anySatisfy(d -> assertThat(d).contains("consent-uses.drl.csv:E9: error: Members' region 'Germany' is not a region")
                        .contains("did you mean 'DE'?"));
        assertThat(base.diagnostics()).hasSize(4);
        assertThat(base.diagnostics().get(0).where().line()).as("JSON carries the row as the line").isEqualTo(9);
        assertThat(base.diagnostics().get(0).where().column()).as("and the column, A = 1").isEqualTo(2);
    }

    @Test
    void a_drools_error_in_a_rows_condition_names_the_cell_not_the_generated_drl() throws IOException {
        Path rules = copyRules();
        // A column of free conditions on the practice: one row's cell calls a method Practice does not have.
        Files.writeString(rules.resolve("us/extra.drl.csv"), """
                RuleSet,rules.us
                Import,"dev.covenant.model.Practice, function dev.covenant.engine.FindingBuilder.finding"
                ,
                RuleTable Extra,,,,,,
                CONDITION,CONDITION,METADATA,METADATA,METADATA,METADATA,ACTION
                $practice : Practice...,$practice : Practice...,,,,,
                "this.hasUse(""$param"")",$param,"id(""$param"")","title(""$param"")","severity(""$param"")","reference(""$param"")",finding(kcontext).about($practice).report();
                Use,Also,Id,Title,Severity,Reference,
                train_ai_system,!this.hasParentalConsent(),EXTRA-ONE,One,low,r,x
                train_ai_system,!this.hasParentalConsnt(),EXTRA-TWO,Two,low,r,x
                """);

        RuleBase base = RuleBase.compile(rules);

        assertThat(base.isUsable()).isFalse();
        assertThat(base.diagnostics()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.where().location()).endsWith("rules/us/extra.drl.csv:B10");
            assertThat(d.message()).doesNotContain("Extra_10").doesNotContain("extra.drl.csv row");
        });
        assertThat(base.diagnostics()).extracting(Diagnostic::message).anySatisfy(m -> assertThat(m).contains("hasParentalConsnt"));
    }

    @Test
    void a_layout_problem_names_the_cell_drools_names() throws IOException {
        Path rules = copyRules();
        Files.writeString(rules.resolve("us/layout.drl.csv"), """
                RuleSet,rules.us
                ,
                RuleTable Layout,,
                CONDITION,,
                Practice,,
                "this.hasUse(""$param"")","this.hasCategory(""$param"")"
                Use,Category
                train_ai_system,user.childrens
                """);

        RuleBase base = RuleBase.compile(rules);

        assertThat(base.diagnostics()).extracting(Diagnostic::format)
                .singleElement().satisfies(d -> assertThat(d).contains("rules/us/layout.drl.csv:B6: error: decision table: Code description"
                        + " in cell B6 does not have an 'ACTION' or 'CONDITION' column header"));
    }

    @Test
    void an_xlsx_table_is_read_like_its_csv() throws IOException {
        Path rules = copyRules();
        Path csv = rules.resolve(TABLE);
        Path xlsx = rules.resolve("us/consent-uses.drl.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet("Consent");
            CsvLineParser parser = new CsvLineParser();
            List<String> lines = Files.readAllLines(csv);
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = parser.parse(lines.get(r));
                int mergeFrom = -1;
                for (int c = 0; c < cells.size(); c++) {
                    String text = cells.get(c);
                    // What CSV writes as "Pattern..." in each column of a group, a workbook writes as one merged cell.
                    if (text.endsWith("...")) {
                        text = text.substring(0, text.length() - 3);
                        mergeFrom = mergeFrom < 0 ? c : mergeFrom;
                        if (c > mergeFrom) {
                            row.createCell(c); // a merged region's other cells exist, blank
                            continue;
                        }
                    } else if (mergeFrom >= 0) {
                        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r, r, mergeFrom, c - 1));
                        mergeFrom = -1;
                    }
                    if (!text.isEmpty()) {
                        row.createCell(c).setCellValue(text);
                    }
                }
            }
            workbook.write(out);
        }
        Files.delete(csv);

        RuleBase base = RuleBase.compile(rules);

        assertThat(base.diagnostics()).isEmpty();
        assertThat(base.catalog().rule("CHILD-DATA-TRAINING").declared().location()).endsWith("rules/us/consent-uses.drl.xlsx:A9");
        only(evaluate(base, FIRES), "CHILD-DATA-TRAINING");
    }

    @Test
    void the_pack_cache_round_trips_a_pack_with_a_table_and_misses_after_a_table_edit() throws IOException {
        Path rules = copyRules();
        PackCache cache = new PackCache(dir.resolve("cache"));
        try (RuleBase compiled = RuleBase.compile(rules)) {
            assertThat(cache.store(compiled.sources())).isTrue();
        }
        try (RuleBase cached = RuleBase.load(rules, cache)) {
            assertThat(cached.fromCache()).isTrue();
            assertThat(cached.catalog().rule("CHILD-DATA-TRAINING").declared().location()).endsWith("consent-uses.drl.csv:A9");
            only(evaluate(cached, FIRES), "CHILD-DATA-TRAINING");
        }
        Files.writeString(rules.resolve(TABLE), Files.readString(rules.resolve(TABLE)).replace(",critical,", ",low,"));
        try (RuleBase edited = RuleBase.load(rules, cache)) {
            assertThat(edited.fromCache()).as("a miss after the edit").isFalse();
            assertThat(edited.catalog().rule("CHILD-DATA-TRAINING").descriptor().severity().key()).isEqualTo("low");
        }
    }

    @Test
    void update_picks_up_a_table_edit_in_place_and_keeps_the_last_good_base_when_a_cell_is_wrong() throws IOException {
        Path rules = copyRules();
        Path table = rules.resolve(TABLE);
        String good = Files.readString(table);
        RuleBase base = RuleBase.compile(rules);

        Files.writeString(table, good.replace(",critical,", ",high,"));
        RuleBase edited = base.update();
        assertThat(edited.diagnostics()).isEmpty();
        assertThat(edited.kieBase()).as("updated in place").isSameAs(base.kieBase());
        assertThat(edited.catalog().rule("CHILD-DATA-TRAINING").descriptor().severity().key()).isEqualTo("high");

        Files.writeString(table, good.replace(",US,", ",USA,"));
        RuleBase broken = edited.update();
        assertThat(broken.isUsable()).isFalse();
        assertThat(broken.diagnostics()).extracting(Diagnostic::format)
                .singleElement().satisfies(d -> assertThat(d).contains("consent-uses.drl.csv:E9: error: Members' region 'USA'"));
        assertThat(edited.catalog().rule("CHILD-DATA-TRAINING").descriptor().severity().key()).isEqualTo("high");
        edited.close();
    }

    @Test
    void the_docs_show_the_row_this_test_adds() throws IOException {
        assertThat(Files.readString(Path.of("docs/writing-rules.md"))).contains(LOCATION_ROW.strip());
    }

    private Path copyRules() throws IOException {
        return TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
    }

    private static ScenarioResult evaluate(RuleBase rules, Path file) {
        Scenario scenario = ScenarioLoader.load(file, file.toString()).scenario();
        return new Evaluator(rules, Limits.DEFAULT).evaluate(scenario);
    }

    private static Finding only(ScenarioResult result, String id) {
        assertThat(result.status()).as(result.toString()).isEqualTo(ScenarioResult.Status.EVALUATED);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals(id)).hasSize(1);
        return result.findings().stream().filter(f -> f.ruleId().equals(id)).findFirst().orElseThrow();
    }
}
