package dev.covenant.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.cli.Main;
import dev.covenant.generate.RecordGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code covenant audit} end to end: real files, the real record rules, the real CLI. */
class RecordAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCENARIO = "fixtures/linkedin/linkedin-2024-as-alleged.yaml";
    private static final Path USES = Path.of("fixtures/records/linkedin/uses.csv");
    private static final Path HISTORY = Path.of("fixtures/records/linkedin/settings-history.csv");
    private static final String HEADER = RecordGenerator.USES_HEADER + "\n";

    @TempDir
    Path dir;

    /**
     * A folder of record fixtures: its log, its settings history (null: none) and the scenario it is judged against.
     * The LinkedIn case states no retention, so the retention rule's records have a scenario of their own.
     */
    private record FixtureFolder(String scenario, Path uses, Path history) {
    }

    private static final List<FixtureFolder> FIXTURE_FOLDERS = List.of(
            new FixtureFolder(SCENARIO, USES, HISTORY),
            new FixtureFolder("fixtures/retention/records-transcripts-past-limit.yaml", Path.of("fixtures/records/retention/uses.csv"), null));

    @Test
    void every_record_rule_fires_on_its_fixtures_and_not_on_its_near_misses() throws IOException {
        Set<String> fires = new TreeSet<>();
        Set<String> near = new TreeSet<>();
        for (FixtureFolder folder : FIXTURE_FOLDERS) {
            Path out = dir.resolve("out-" + folder.uses().getParent().getFileName());
            List<String> args = new ArrayList<>(List.of("--records", folder.uses().toString()));
            if (folder.history() != null) {
                args.addAll(List.of("--settings-history", folder.history().toString()));
            }
            Run run = auditAgainst(folder.scenario(), out, args.toArray(String[]::new));
            assertThat(run.code()).as(folder.uses() + ": " + run.err()).isEqualTo(1);

            Map<String, Set<String>> rulesByRecord = findingsByRecord(out);
            List<String> lines = Files.readAllLines(folder.uses());
            for (String line : lines.subList(1, lines.size())) {
                String id = line.substring(0, line.indexOf(','));
                String rule = id.replaceFirst("^(fires|near)-", "").replaceFirst("-\\d+$", "");
                Set<String> flagged = rulesByRecord.getOrDefault(id, Set.of());
                if (id.startsWith("fires-")) {
                    assertThat(flagged).as(folder.uses() + " " + id).contains(rule);
                    fires.add(rule);
                } else {
                    assertThat(flagged).as(folder.uses() + " " + id).doesNotContain(rule);
                    near.add(rule);
                }
            }
        }
        Set<String> ruleIds = ruleIds();
        assertThat(fires).as("rules with a record that fires").isEqualTo(ruleIds);
        assertThat(near).as("rules with a near miss").isEqualTo(ruleIds);
    }

    @Test
    void a_use_past_the_retention_limit_is_cited_by_the_members_region_and_names_the_limit_it_overstayed() throws IOException {
        Path out = dir.resolve("retention");
        Run run = auditAgainst("fixtures/retention/records-transcripts-past-limit.yaml", out, "--records", "fixtures/records/retention/uses.csv");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        Map<String, JsonNode> byRecord = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("findings.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode f = JSON.readTree(line);
            if (f.get("rule").asText().equals("REC-RETENTION-EXCEEDED")) {
                byRecord.put(f.get("record_id").asText(), f);
            }
        }
        assertThat(byRecord.keySet()).as("day 91 of a 90-day limit and later; not day 90, a legal hold, an undated record, Texas or pre-CPRA California")
                .containsExactly("fires-REC-RETENTION-EXCEEDED-1", "fires-REC-RETENTION-EXCEEDED-2", "fires-REC-RETENTION-EXCEEDED-3");
        assertThat(byRecord.get("fires-REC-RETENTION-EXCEEDED-1").get("citations").toString())
                .isEqualTo("[\"GDPR Art. 5(1)(e)\",\"GDPR Art. 17(1)(a)\"]");
        assertThat(byRecord.get("fires-REC-RETENTION-EXCEEDED-2").get("citations").toString()).as("the UK after 2020")
                .isEqualTo("[\"UK GDPR Art. 5(1)(e)\",\"UK GDPR Art. 17(1)(a)\"]");
        assertThat(byRecord.get("fires-REC-RETENTION-EXCEEDED-3").get("citations").toString())
                .isEqualTo("[\"Cal. Civ. Code § 1798.100(a)(3)\"]");
        assertThat(byRecord.get("fires-REC-RETENTION-EXCEEDED-1").get("against").asText())
                .isEqualTo("retention of practice 'support-transcripts': limit 90 days; kept 400 days");
    }

    @Test
    void the_summary_counts_rules_by_region_and_tier_distinct_members_and_sca_exposure() throws IOException {
        audit(dir.resolve("out"), "--records", USES.toString(), "--settings-history", HISTORY.toString());
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());

        assertThat(summary.at("/rows/read").asLong()).isEqualTo(35);
        assertThat(summary.at("/rows/evaluated").asLong()).isEqualTo(35);
        assertThat(summary.at("/inputs/history_rows").asLong()).isEqualTo(5);
        JsonNode sca = rule(summary, "REC-SCA-DISCLOSURE");
        assertThat(sca.get("records").asLong())
                .as("one who never acted (to an affiliate, a processor for its own use, the public), one who withdrew").isEqualTo(4);
        assertThat(sca.at("/exposure/amount").asLong()).as("per distinct member").isEqualTo(2_000);
        JsonNode consent = rule(summary, "REC-NO-AFFIRMATIVE-CONSENT");
        assertThat(consent.get("members").asLong()).as("distinct members, not records")
                .isLessThan(consent.get("records").asLong());
        long byRegionTier = 0;
        for (JsonNode rt : consent.get("by_region_tier")) {
            byRegionTier += rt.get("records").asLong();
        }
        assertThat(byRegionTier).isEqualTo(consent.get("records").asLong());
        assertThat(summary.get("findings").asLong()).isEqualTo(Files.readAllLines(dir.resolve("out/findings.jsonl")).size());
    }

    @Test
    void a_setting_state_says_only_what_the_history_shows_a_change_on_the_use_date_named_not_denied() throws IOException {
        audit(dir.resolve("out"), "--records", USES.toString(), "--settings-history", HISTORY.toString());
        Map<String, String> against = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("out/findings.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode f = JSON.readTree(line);
            if (f.has("against") && f.get("rule").asText().matches("REC-NO-AFFIRMATIVE-CONSENT|REC-USE-AFTER-OPT-OUT")) {
                against.put(f.get("record_id").asText() + " " + f.get("rule").asText(), f.get("against").asText());
            }
        }

        // m-off-on-the-day set it off at 18:00 UTC on the use date: the default still stands, but the member acted.
        assertThat(against.get("fires-REC-NO-AFFIRMATIVE-CONSENT-2 REC-NO-AFFIRMATIVE-CONSENT"))
                .isEqualTo("setting data-for-genai-improvement on by default (introduced 2024-08-01), no change by the member before the use date;"
                        + " the member also changed it on the use date itself, not counted: the log does not order that change against the use");
        assertThat(against.get("near-REC-USE-AFTER-OPT-OUT-1 REC-NO-AFFIRMATIVE-CONSENT")).as("m-optout, used on the day of the opt-out")
                .contains("no change by the member before the use date", "changed it on the use date itself");
        assertThat(against.get("fires-REC-NO-AFFIRMATIVE-CONSENT-1 REC-NO-AFFIRMATIVE-CONSENT")).as("m-silent has no change at all")
                .isEqualTo("setting data-for-genai-improvement on by default (introduced 2024-08-01), no change by the member before the use date");
        assertThat(against.get("fires-REC-USE-AFTER-OPT-OUT-1 REC-USE-AFTER-OPT-OUT"))
                .isEqualTo("setting data-for-genai-improvement set off by the member on 2024-09-01, its last change by the member before the use date");
        assertThat(against.values()).isNotEmpty().noneMatch(a -> a.contains("never") || a.contains("turned off"));
    }

    @Test
    void json_lines_input_gives_the_same_findings_as_csv() throws IOException {
        Path jsonl = dir.resolve("uses.jsonl");
        List<String> lines = Files.readAllLines(USES);
        String[] header = lines.get(0).split(",");
        try (Writer w = Files.newBufferedWriter(jsonl)) {
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = RowFormat.splitCsv(line, header.length);
                Map<String, String> row = new TreeMap<>();
                for (int i = 0; i < header.length; i++) {
                    if (cells[i] != null) {
                        row.put(header[i], cells[i]);
                    }
                }
                w.write(JSON.writeValueAsString(row) + "\n");
            }
        } catch (RowFormat.RowException e) {
            throw new AssertionError(e);
        }
        audit(dir.resolve("csv"), "--records", USES.toString(), "--settings-history", HISTORY.toString());
        audit(dir.resolve("jsonl"), "--records", jsonl.toString(), "--settings-history", HISTORY.toString());

        assertThat(findingsByRecord(dir.resolve("jsonl"))).isEqualTo(findingsByRecord(dir.resolve("csv")));
    }

    @Test
    void bad_rows_get_a_diagnostic_with_file_and_line_are_counted_and_the_others_are_judged() throws IOException {
        Path uses = dir.resolve("uses.csv");
        Files.writeString(uses, HEADER
                + "r1,m1,free,US,user.content.private,2021-01-01,train_ai_system,2024-10-01,Affiliate,affiliate,,\n"
                + "r2,m2,free,XX,user.content.private,2021-01-01,train_ai_system,2024-10-01,,self,,\n"
                + "r3,m3,free,US,user.content.private,2021-01-01,train_ai_system,2024-13-01,,self,,\n"
                + "r4,m4,free,US,no.such.category,2021-01-01,train_ai_system,2024-10-01,,self,,\n"
                + "r5,m5,free,US,user.content.private,2021-01-01,train_ai_system,2024-10-01,\"unterminated,self,,\n"
                + "r6,m6,free,US\n"
                + "r7,m7,free,US,user.content.private,2021-01-01,train_ai_system,2024-10-01,Someone,,,\n"
                + "r8,m8,free,US,user.content.private,2021-01-01,train_ai_system,2024-10-01,,self,,abc\n"
                + "r9,,free,US,user.content.private,2021-01-01,train_ai_system,2024-10-01,,self,,\n"
                + "r10,m10,free,US,user.content.private,2021-01-01,train_ai_system,2024-10-01,Affiliate,affiliate,,\n");
        Path history = dir.resolve("history.csv");
        Files.writeString(history, RecordGenerator.SETTINGS_HEADER + "\n"
                + "m1,no-such-setting,off,2024-09-01\n"
                + "m1,data-for-genai-improvement,maybe,2024-09-01\n");

        Run run = audit(dir.resolve("out"), "--records", uses.toString(), "--settings-history", history.toString());

        assertThat(run.code()).isEqualTo(2);
        String u = uses.toString();
        assertThat(run.err()).contains(
                u + ":3:", "unknown region code 'XX'",
                u + ":4:", "used_at: '2024-13-01' is not a date",
                u + ":5:", "'no.such.category' is not a Fides data category",
                u + ":6:", "unterminated quoted cell",
                u + ":7:", "cells; the header has 12 columns",
                u + ":8:", "recipient 'Someone' needs a relationship",
                u + ":9:", "member_age: 'abc' is not a whole number",
                u + ":10:", "missing member_id",
                history + ":2:", "unknown setting 'no-such-setting'; the scenario defines: data-for-genai-improvement",
                history + ":3:", "value: 'maybe' is not on or off");
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.at("/rows/read").asLong()).isEqualTo(10);
        assertThat(summary.at("/rows/evaluated").asLong()).isEqualTo(2);
        assertThat(summary.at("/rows/invalid").asLong()).isEqualTo(8);
        assertThat(summary.at("/inputs/history_invalid_rows").asLong()).isEqualTo(2);
        assertThat(findingsByRecord(dir.resolve("out"))).containsKeys("r1", "r10");
        assertThat(Files.readAllLines(dir.resolve("out/diagnostics.jsonl"))).hasSize(10);
        // The one diagnostic shape of every JSON output (docs/report-format.md), not a shape of its own.
        JsonNode first = JSON.readTree(Files.readAllLines(dir.resolve("out/diagnostics.jsonl")).get(0));
        assertThat(first.fieldNames()).toIterable().containsExactly("file", "line", "column", "message", "level");
        assertThat(first.get("level").asText()).isEqualTo("error");
    }

    @Test
    void the_relationship_column_says_what_a_processor_does_and_the_sca_reads_its_exceptions_from_it() throws IOException {
        Path uses = dir.resolve("uses.csv");
        String row = ",m1,free,US,user.content.private,2021-01-01,essential.service,2024-10-01,";
        Files.writeString(uses, HEADER
                + "addressee" + row + "The addressee,addressee,,\n"
                + "host" + row + "Cloud host,processor:host,,\n"
                + "deliver" + row + "Relay,processor:deliver,,\n"
                + "own-use" + row + "Cloud AI vendor,processor:own-use,,\n"
                + "public" + row + "Public index,public,,\n"
                + "bare" + row + "Vendor,processor,,\n"
                + "not-a-processor" + row + "Partner,affiliate:host,,\n"
                + "unknown-purpose" + row + "Vendor,processor:train,,\n");

        Run run = audit(dir.resolve("out"), "--records", uses.toString());

        String u = uses.toString();
        assertThat(run.err()).contains(
                u + ":7:", "relationship: 'processor' needs what it does with the data; expected one of: processor:host | processor:deliver | processor:own-use",
                u + ":8:", "relationship: 'affiliate:host': only a processor says what it does with the data",
                u + ":9:", "relationship: unknown processor purpose in 'processor:train'; expected one of: self | affiliate | processor:host");
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.at("/rows/evaluated").asLong()).isEqualTo(5);
        assertThat(summary.at("/rows/invalid").asLong()).isEqualTo(3);
        Map<String, Set<String>> flagged = findingsByRecord(dir.resolve("out"));
        assertThat(flagged.entrySet().stream().filter(e -> e.getValue().contains("REC-SCA-DISCLOSURE")).map(Map.Entry::getKey))
                .as("(b)(1) addressee, (b)(5) host and (b)(4) delivery are not divulging; own use and the public are")
                .containsExactlyInAnyOrder("own-use", "public");
    }

    @Test
    void an_unusable_input_is_refused_with_its_file_and_line_and_nothing_is_written() throws IOException {
        Path uses = dir.resolve("uses.csv");
        Files.writeString(uses, "record_id,member,tier\nr1,m1,free\n");
        Run header = audit(dir.resolve("out"), "--records", uses.toString());
        assertThat(header.code()).isEqualTo(2);
        assertThat(header.err()).contains(uses + ":1:", "header: unknown column 'member'; expected: record_id, member_id");
        assertThat(dir.resolve("out/summary.json")).doesNotExist();

        Path history = dir.resolve("history.csv");
        Files.writeString(history, RecordGenerator.SETTINGS_HEADER + "\nm1,data-for-genai-improvement,off,2024-09-01\n"
                + "m2,data-for-genai-improvement,off,2024-09-01\nm3,data-for-genai-improvement,off,2024-09-01\n");
        Run limit = audit(dir.resolve("out"), "--records", USES.toString(), "--settings-history", history.toString(), "--max-history-rows", "2");
        assertThat(limit.code()).isEqualTo(2);
        assertThat(limit.err()).contains(history + ":4:", "settings history has more than 2 rows; raise --max-history-rows");

        Path binary = dir.resolve("binary.jsonl");
        Files.write(binary, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'});
        Run utf8 = audit(dir.resolve("out"), "--records", binary.toString());
        assertThat(utf8.code()).isEqualTo(2);
        assertThat(utf8.err()).contains(binary.toString(), "not valid UTF-8");

        Run unknown = audit(dir.resolve("out"), "--records", dir.resolve("uses.txt").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("uses.txt", "no such file or directory");
    }

    @Test
    void a_broken_record_rule_is_reported_with_file_and_line_by_audit_and_validate() throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("records"));
        Files.writeString(rules.resolve("base.drl"), "package p;\n");
        String statutes = Files.readString(Path.of("rules/records/statutes.drl"))
                .replace("@exposure(\"1000 USD per distinct member\")", "@exposure(\"lots\")");
        Files.writeString(rules.resolve("records/statutes.drl"), statutes);
        Files.writeString(rules.resolve("records/typo.drl"), "package rules.records;\nrule \"x\"\nwhen\n  UseRecordd( )\nthen\nend\n");

        Run audit = audit(dir.resolve("out"), "--rules", rules.toString(), "--records", USES.toString());
        assertThat(audit.code()).isEqualTo(2);
        assertThat(audit.err()).contains("typo.drl:4:").contains("UseRecordd");

        Files.delete(rules.resolve("records/typo.drl"));
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", "--rules", rules.toString(),
                "fixtures/linkedin");
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("statutes.drl:", "@exposure \"lots\" must read like \"1000 USD per distinct member\"");
    }

    @Test
    void findings_do_not_depend_on_threads_or_chunk_size() throws Exception {
        Path data = dir.resolve("gen");
        RecordGenerator.write(data, 7, 20_000);
        dev.covenant.model.Scenario context = dev.covenant.scenario.ScenarioLoader.load(Path.of(SCENARIO), SCENARIO).scenario();
        // The LinkedIn case states no retention; a 180-day limit on its training practice (this test's own, not the
        // fixture's) lets the generated log exercise REC-RETENTION-EXCEEDED too.
        List<Object> facts = new ArrayList<>(RecordEngine.contextOf(context));
        facts.add(new dev.covenant.model.Retention("genai-training", 180, null, null, false,
                dev.covenant.source.SourceSpan.of("findings_do_not_depend_on_threads_or_chunk_size", 1, 1)));
        RecordEngine engine = new RecordEngine(RecordRules.shipped(), facts, dev.covenant.engine.Limits.DEFAULT);
        SettingsHistory history = Audit.readHistory(data.resolve("settings-history.csv"), "settings-history.csv", context.settings(), 1_000_000,
                d -> { throw new AssertionError(d); });

        List<String> one = lines(engine, history, data.resolve("uses.csv"), new Audit.Options(1, 7, 1_000_000));
        List<String> two = lines(engine, history, data.resolve("uses.csv"), new Audit.Options(2, 1_000, 1_000_000));

        assertThat(one).hasSizeGreaterThan(5_000).isEqualTo(two);
        assertThat(one.stream().map(l -> l.replaceAll(".*\"rule\":\"([A-Z-]+)\".*", "$1")).collect(Collectors.toSet()))
                .as("the generated log exercises every record rule").isEqualTo(ruleIds());
    }

    private static List<String> lines(RecordEngine engine, SettingsHistory history, Path uses, Audit.Options options) throws Exception {
        List<String> out = new ArrayList<>();
        Audit.run(engine, history, List.of(uses), List.of("uses.csv"), options, new Audit.Sink() {
            @Override
            public void finding(RecordEngine.Flag flag) {
                out.add(AuditSummary.line(flag));
            }

            @Override
            public void diagnostic(dev.covenant.source.Diagnostic diagnostic) {
                throw new AssertionError(diagnostic);
            }
        });
        return out;
    }

    private static Set<String> ruleIds() {
        return RecordRules.shipped().catalog().obligations().stream().map(dev.covenant.finding.RuleDescriptor::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode rule(JsonNode summary, String id) {
        for (JsonNode r : summary.get("rules")) {
            if (r.get("rule").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id + " in summary");
    }

    private static Map<String, Set<String>> findingsByRecord(Path out) throws IOException {
        Map<String, Set<String>> byRecord = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("findings.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode f = JSON.readTree(line);
            byRecord.computeIfAbsent(f.get("record_id").asText(), k -> new TreeSet<>()).add(f.get("rule").asText());
        }
        return byRecord;
    }

    @Test
    void record_directories_behind_symbolic_links_are_followed_loops_reported_and_out_must_be_a_directory() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.copy(USES, real.resolve("uses.csv"));
        Path top = Files.createDirectories(dir.resolve("top"));
        Files.createSymbolicLink(top.resolve("linked"), real);

        Run linked = audit(dir.resolve("out"), "--records", top.toString(), "--settings-history", HISTORY.toString());
        Run direct = audit(dir.resolve("direct"), "--records", USES.toString(), "--settings-history", HISTORY.toString());
        assertThat(linked.code()).isEqualTo(direct.code()).isEqualTo(1);
        assertThat(JSON.readTree(dir.resolve("out/summary.json").toFile()).at("/rows/read").asLong())
                .as("the linked directory's records were read").isEqualTo(JSON.readTree(dir.resolve("direct/summary.json").toFile())
                        .at("/rows/read").asLong()).isPositive();

        Files.createSymbolicLink(top.resolve("loop"), top);
        Run loop = audit(dir.resolve("loop-out"), "--records", top.toString(), "--settings-history", HISTORY.toString());
        assertThat(loop.code()).isEqualTo(2);
        assertThat(loop.err()).contains(top.resolve("loop") + ": error: symbolic link loop; not followed");

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run notDir = audit(file, "--records", USES.toString());
        assertThat(notDir.code()).isEqualTo(2);
        assertThat(notDir.err()).contains(file + ": error: --out must be a directory; this is a file").doesNotContain("internal error");
    }

    private Run audit(Path out, String... args) {
        return auditAgainst(SCENARIO, out, args);
    }

    private Run auditAgainst(String scenario, Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("audit", "-q", "--scenario", scenario, "--out", out.toString()));
        all.addAll(List.of(args));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(new PrintWriter(o), new PrintWriter(e), all.toArray(String[]::new));
        return new Run(code, o.toString(), e.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
