package dev.covenant.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.cli.Main;
import dev.covenant.finding.Severity;
import dev.covenant.generate.RecordGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same generated data set (100,000 records, seeded, with some bad rows) through
 * {@code covenant audit} and through the Spark job in local mode: identical per-record findings,
 * summaries and diagnostics.
 */
class SparkAuditEquivalenceTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("covenant-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void the_spark_job_gives_the_embedded_audits_findings_summary_and_diagnostics() throws Exception {
        Path data = Path.of("target", "spark-equivalence");
        deleteTree(data);
        RecordGenerator.write(data, 3, 100_000);
        // Bad rows must be reported alike, with their lines.
        Files.writeString(data.resolve("uses.csv"), "bad1,m1,free,XX,user.content.private,,train_ai_system,2024-10-01,,self,,\n"
                + "bad2,m2,free,US,user.content.private,,train_ai_system,2024-10-01,\"open,self,,\n"
                + "\n"
                + "bad3,,free,US,user.content.private,,train_ai_system,2024-10-01,,self,,\n", StandardOpenOption.APPEND);
        Files.writeString(data.resolve("settings-history.csv"), "m5,no-such-setting,off,2024-09-01\nm6,data-for-genai-improvement,maybe,2024-09-01\n",
                StandardOpenOption.APPEND);
        Path scenario = Path.of("src/main/resources/dev/covenant/records/context.yaml");
        Path embedded = data.resolve("embedded");
        Path distributed = data.resolve("spark");

        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "audit", "-q",
                "--scenario", scenario.toString(), "--records", data.resolve("uses.csv").toString(),
                "--settings-history", data.resolve("settings-history.csv").toString(), "--out", embedded.toString());
        assertThat(code).as(err.toString()).isEqualTo(2);

        SparkAudit.Result result = SparkAudit.run(spark, new SparkAudit.Options(scenario, List.of(data.resolve("uses.csv").toString()),
                data.resolve("settings-history.csv").toString(), Path.of("rules"), distributed.toString()));

        List<String> embeddedFindings = Files.readAllLines(embedded.resolve("findings.jsonl"), StandardCharsets.UTF_8);
        List<String> sparkFindings = parts(distributed.resolve("findings"));
        assertThat(embeddedFindings).hasSizeGreaterThan(30_000);
        assertThat(sparkFindings).hasSameSizeAs(embeddedFindings);
        assertThat(sparkFindings).isEqualTo(embeddedFindings);
        assertThat(Files.readString(distributed.resolve("summary.json"))).isEqualTo(Files.readString(embedded.resolve("summary.json")));
        assertThat(Files.readAllLines(distributed.resolve("diagnostics.jsonl")))
                .hasSize(5)
                .isEqualTo(Files.readAllLines(embedded.resolve("diagnostics.jsonl")));
        assertThat(result.rows()).isEqualTo(100_003);
        assertThat(result.invalid()).isEqualTo(3);
        assertThat(result.exitCode(Severity.LOW)).as("the same exit code as covenant audit").isEqualTo(code);
    }

    @Test
    void the_spark_job_exits_as_covenant_audit_does_for_every_fail_on_and_for_bad_history_rows() throws Exception {
        Path data = Path.of("target", "spark-exit-codes");
        deleteTree(data);
        RecordGenerator.write(data, 7, 3_000);
        Path scenario = data.resolve("scenario.yaml");
        String uses = data.resolve("uses.csv").toString();
        String history = data.resolve("settings-history.csv").toString();
        // Only the high-severity consent rule, so that --fail-on critical passes and --fail-on high does not.
        String settingsRules = Files.readString(Path.of("rules/records/settings.drl"));
        int optOut = settingsRules.indexOf("rule \"REC-USE-AFTER-OPT-OUT");
        int consent = settingsRules.indexOf("rule \"REC-NO-AFFIRMATIVE-CONSENT");
        Path rules = Files.createDirectories(data.resolve("rules/records")).getParent();
        Files.writeString(rules.resolve("records/settings.drl"), settingsRules.substring(0, optOut) + settingsRules.substring(consent));

        // Clean rows: the exit code follows --fail-on, alike on both.
        SparkAudit.Result clean = SparkAudit.run(spark, new SparkAudit.Options(scenario, List.of(uses), history, rules,
                data.resolve("spark-clean").toString()));
        List<Integer> codes = new ArrayList<>();
        for (Severity failOn : Severity.values()) {
            int embedded = audit(scenario, uses, history, data.resolve("embedded-" + failOn.key()), "--rules", rules.toString(),
                    "--fail-on", failOn.key());
            assertThat(clean.exitCode(failOn)).as("--fail-on " + failOn.key()).isEqualTo(embedded);
            codes.add(embedded);
        }
        assertThat(codes).as("by --fail-on critical ... info").containsExactly(0, 1, 1, 1, 1);

        // Only a settings-history row is bad: covenant audit exits 2 (every bad row counts), and so does the job.
        Files.writeString(data.resolve("settings-history.csv"), "m7,data-for-genai-improvement,maybe,2024-09-01\n", StandardOpenOption.APPEND);
        int embedded = audit(scenario, uses, history, data.resolve("embedded-bad-history"), "--rules", rules.toString(), "--fail-on", "critical");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int distributed = SparkAudit.execute(spark, SparkAudit.parse(new String[] {"--scenario", scenario.toString(), "--records", uses,
                "--settings-history", history, "--out", data.resolve("spark-bad-history").toString(), "--rules", rules.toString(),
                "--fail-on", "critical"}),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(embedded).isEqualTo(2);
        assertThat(distributed).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
    }

    @Test
    void unordered_history_rows_and_hostile_json_lines_rows_are_judged_and_reported_alike() throws Exception {
        // #15 items 17 and 19: changes ordered by instant, unordered ones rejected; repeated keys, NUL in ids, a BOM.
        Path data = Files.createDirectories(dir.resolve("hostile"));
        String setting = "data-for-genai-improvement";
        Path history = Files.writeString(data.resolve("history.csv"), "\uFEFFmember_id,setting_id,value,changed_at\n"
                + "m1," + setting + ",off,2024-09-01T23:00-05:00\n"
                + "m1," + setting + ",on,2024-09-02T01:00Z\n"
                + "m2," + setting + ",off,2024-09-01T10:00:00Z\n"
                + "m2," + setting + ",on,2024-09-01T12:00:00+02:00\n"
                + "m3," + setting + ",maybe,2024-09-01\n"
                + "m3," + setting + ",off,2024-09-01\n"
                + "m3," + setting + ",on,2024-09-01T08:00Z\n", StandardCharsets.UTF_8);
        String row = "\"tier\":\"free\",\"region\":\"US\",\"data_category\":\"user.content.public\",\"use\":\"train_ai_system\","
                + "\"used_at\":\"2024-10-01\",\"relationship\":\"self\"}\n";
        Path uses = Files.writeString(data.resolve("uses.jsonl"), "\uFEFF{\"record_id\":\"r1\",\"member_id\":\"m1\"," + row
                + "{\"record_id\":\"r2\",\"member_id\":\"m2\"," + row
                + "{\"record_id\":\"r3\",\"member_id\":\"m3\"," + row
                + "{\"record_id\":\"r4\",\"member_id\":\"m1\",\"member_id\":\"m2\"," + row
                + "{\"record_id\":\"r5\",\"member_id\":\"m\\u00001\"," + row, StandardCharsets.UTF_8);
        Path scenario = Path.of("src/main/resources/dev/covenant/records/context.yaml");
        Path embedded = data.resolve("embedded");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "audit", "-q", "--scenario", scenario.toString(),
                "--records", uses.toString(), "--settings-history", history.toString(), "--out", embedded.toString());
        SparkAudit.Result result = SparkAudit.run(spark, new SparkAudit.Options(scenario, List.of(uses.toString()), history.toString(),
                Path.of("rules"), data.resolve("spark").toString()));

        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(result.exitCode(Severity.LOW)).isEqualTo(code);
        List<String> findings = Files.readAllLines(embedded.resolve("findings.jsonl"));
        assertThat(findings).anyMatch(f -> f.contains("\"record_id\":\"r1\"") && f.contains("REC-USE-AFTER-OPT-OUT"));
        assertThat(parts(data.resolve("spark/findings"))).isEqualTo(findings);
        assertThat(Files.readString(data.resolve("spark/summary.json"))).isEqualTo(Files.readString(embedded.resolve("summary.json")));
        List<String> diagnostics = Files.readAllLines(embedded.resolve("diagnostics.jsonl"));
        assertThat(diagnostics).hasSize(7); // m3's bad value; m2's two and m3's two unordered changes; r4, r5
        assertThat(Files.readAllLines(data.resolve("spark/diagnostics.jsonl"))).isEqualTo(diagnostics);
    }

    @Test
    void the_jobs_limits_are_the_audits_options_with_the_same_bounds_and_a_looping_rule_fails_both_naming_it() throws Exception {
        // #14: the job had no --max-firings or --time-budget; every chunk ran under the defaults.
        Path rules = Files.createDirectories(dir.resolve("rules/records")).getParent();
        Files.writeString(rules.resolve("records/loops.drl"), """
                package rules.records;

                import dev.covenant.records.UseRecord;
                import function dev.covenant.records.RecordFinding.flag;

                rule "REC-LOOPS"
                    @id("REC-LOOPS") @title("t") @severity("low") @reference("r")
                when
                    $record : UseRecord( )
                then
                    update($record);
                end
                """);
        String scenario = "fixtures/linkedin/linkedin-2024-as-alleged.yaml";
        String uses = "fixtures/records/linkedin/uses.csv";
        String history = "fixtures/records/linkedin/settings-history.csv";

        int embedded = audit(Path.of(scenario), uses, history, dir.resolve("embedded"), "--rules", rules.toString(), "--max-firings", "100");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int distributed = SparkAudit.execute(spark, SparkAudit.parse(new String[] {"--scenario", scenario, "--records", uses,
                "--settings-history", history, "--out", dir.resolve("spark").toString(), "--rules", rules.toString(), "--max-firings", "100"}),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(embedded).isEqualTo(2);
        assertThat(distributed).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("evaluation stopped after 100 rule firings", "rule 'REC-LOOPS'");
        for (String[] bad : List.of(new String[] {"--time-budget", "1e-9"}, new String[] {"--time-budget", "4e15"},
                new String[] {"--max-firings", "0"}, new String[] {"--max-firings", "lots"})) {
            List<String> args = new ArrayList<>(List.of("--scenario", scenario, "--records", uses, "--out", "x"));
            args.addAll(List.of(bad));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkAudit.parse(args.toArray(String[]::new)))
                    .as(String.join(" ", bad)).isInstanceOf(SparkAudit.UsageException.class).hasMessageContaining(bad[0]);
        }
    }

    private static int audit(Path scenario, String uses, String history, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "-q", "--scenario", scenario.toString(), "--records", uses,
                "--settings-history", history, "--out", out.toString()));
        args.addAll(List.of(more));
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isBetween(0, 2);
        return code;
    }

    @Test
    void parquet_records_give_the_same_findings_with_row_numbers_for_lines() throws Exception {
        Path data = Path.of("target", "spark-parquet");
        deleteTree(data);
        RecordGenerator.write(data, 5, 5_000);
        // The same rows as Parquet, every column a string, in one file in the CSV's order.
        String parquet = data.resolve("uses.parquet").toString();
        spark.read().option("header", "true").csv(data.resolve("uses.csv").toString()).coalesce(1).write().parquet(parquet);
        Path scenario = data.resolve("scenario.yaml");

        SparkAudit.run(spark, new SparkAudit.Options(scenario, List.of(data.resolve("uses.csv").toString()),
                data.resolve("settings-history.csv").toString(), Path.of("rules"), data.resolve("from-csv").toString()));
        SparkAudit.Result result = SparkAudit.run(spark, new SparkAudit.Options(scenario, List.of(parquet),
                data.resolve("settings-history.csv").toString(), Path.of("rules"), data.resolve("from-parquet").toString()));

        List<String> fromCsv = parts(data.resolve("from-csv/findings"));
        List<String> fromParquet = parts(data.resolve("from-parquet/findings"));
        assertThat(result.rows()).isEqualTo(5_000);
        assertThat(fromParquet).hasSize(fromCsv.size()).isNotEmpty();
        // The same findings; only where they were read from differs: CSV line n is Parquet row n - 1.
        for (int i = 0; i < fromCsv.size(); i++) {
            String csv = fromCsv.get(i);
            int line = Integer.parseInt(csv.replaceAll(".*uses\\.csv:(\\d+)\"}$", "$1"));
            assertThat(fromParquet.get(i)).isEqualTo(csv.replaceAll("\"source\":\"[^\"]*\"", "\"source\":\""
                    + java.util.regex.Matcher.quoteReplacement(parquet) + ":" + (line - 1) + "\""));
        }
    }

    /** A Spark output directory's part files, concatenated in order. */
    private static List<String> parts(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
