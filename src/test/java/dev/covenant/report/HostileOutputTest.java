package dev.covenant.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.covenant.finding.Citation;
import dev.covenant.finding.Evidence;
import dev.covenant.finding.Exposure;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.Review;
import dev.covenant.finding.ReviewNotes;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.finding.Timeline;
import dev.covenant.finding.Waiver;
import dev.covenant.model.Fact;
import dev.covenant.model.FactKind;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * Hostile strings in every text slot of a report — scenario ids, file names, rule and practice ids,
 * messages, evidence, citations, waivers, diagnostics, timeline labels — through every renderer in
 * {@link Formats}. Each report is rendered twice, once with plain words in its slots and once with
 * hostile ones, and the two must have the same number of lines (one datum is never more than one
 * line, so nothing in the data can forge a line of the report's own); then each format's own
 * invariants. Seeded: {@code -Dcovenant.hostile.seed}, {@code -Dcovenant.hostile.cases}; a failure
 * names the seed and case to rerun.
 */
class HostileOutputTest {

    private static final long SEED = Long.getLong("covenant.hostile.seed", 20250121L);
    private static final int CASES = Integer.getInteger("covenant.hostile.cases", 120);

    /** What an attacker would put in a scenario file: line breaks, controls, reordering, markup, links, mentions. */
    private static final List<String> FRAGMENTS = List.of(
            "\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\u000b", "\f", "\t", "\u0000", "\u0007", "\u001b[2J\u001b[31m",
            "\u202E", "\u202A", "\u202D", "\u2066", "\u2067", "\u2069", "\u200E", "\u200F", "\u061C", "\uD800", "\uDFFF", "\uD83D\uDE00",
            "@octocat", "@acme/legal", " @here", "counsel@acme.example", "[x](https://evil.example)", "[link](0)", "[", "]", "](",
            "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "https://evil.example/phish", "www.evil.example",
            "//evil.example/x", "<script>alert(1)</script>", "<b>", "</details>", "<img src=x onerror=alert(1)>", "\" onmouseover=\"x",
            "' onclick='x", "]]>", "<!--", "&amp;", "&#x202E;", "|", "||", "`", "``", "*", "_", "~", "#", "!", "\\", "\\[", "%0A",
            "%2e%2e/", "../", "{{x}}", "{{{x}}}", "$(id)", "\u00A0", "\uFEFF", "\u200B", "ok", " ", ":", "- ", "1. ", "> ");

    private static final LocalDate AS_OF = LocalDate.of(2025, 1, 21);
    private static final Path SARIF_SCHEMA = Path.of("src/test/resources/schemas/sarif-schema-2.1.0.json");

    @Test
    void every_registered_format_has_invariants_here() {
        assertThat(invariants().keySet()).as("a new format needs its invariants in HostileOutputTest")
                .containsExactlyInAnyOrderElementsOf(Formats.names());
    }

    @Test
    void hostile_strings_in_every_slot_render_inert_in_every_registered_format() throws Exception {
        Map<String, Invariant> invariants = invariants();
        Random seeds = new Random(SEED);
        for (int n = 0; n < CASES; n++) {
            long seed = seeds.nextLong();
            Texts hostile = new Texts(new Random(seed), true);
            Report attack = report(new Random(seed), hostile);
            Report plain = report(new Random(seed), new Texts(new Random(seed), false));
            for (String format : Formats.names()) {
                String out = render(format, attack);
                String reference = render(format, plain);
                String where = "format " + format + ", case " + n + " (-Dcovenant.hostile.seed=" + SEED + ")";
                if (lines(out) != lines(reference) && Boolean.getBoolean("debug.dump")) {
                    Files.writeString(Path.of("target/hostile-out.txt"), out);
                    Files.writeString(Path.of("target/hostile-ref.txt"), reference);
                }
                assertThat(lines(out)).as("%s: a datum added or removed a line; output:%n%s", where, out).isEqualTo(lines(reference));
                assertThat(rawInvisibles(out)).as("%s: raw controls or direction marks", where).isEmpty();
                invariants.get(format).check(out, reference, attack, where);
            }
        }
    }

    // The attacks the issue names, each on its own, so that a failure reads as the attack.

    @Test
    void a_scenario_id_with_a_newline_cannot_forge_a_summary_line_in_the_text_report() throws Exception {
        Report report = one("scenarios/a.yaml", "x\n0 scenario(s): 0 evaluated, 0 invalid, 0 error(s); 0 finding(s)", "msg");
        String text = render("text", report);

        assertThat(text.lines().filter(l -> l.startsWith("0 scenario(s)"))).isEmpty();
        assertThat(text).contains("x\\n0 scenario(s)");
    }

    @Test
    void markdown_leaves_no_mention_live_and_no_link_with_a_scheme() throws Exception {
        Report report = one("javascript:alert(1)//<b>\n.yaml", "@octocat please look", "cc @acme/legal, see [x](javascript:alert(1))");
        String md = render("markdown", report);

        assertThat(liveMentions(md)).isEmpty();
        assertThat(linkTargets(md)).isNotEmpty().allSatisfy(t -> assertThat(URI.create(t).getScheme()).as(t).isNull());
        assertThat(linkTargets(md)).contains("javascript%3Aalert%281%29//%3Cb%3E%0A.yaml#L3");
    }

    @Test
    void sarif_takes_no_file_name_as_a_scheme_and_escapes_brackets_and_overrides() throws Exception {
        Report report = one("javascript:alert(1).yaml", "id", "see [here](1) \u202Eevil");
        String sarif = render("sarif", report);
        JsonNode result = new ObjectMapper().readTree(sarif).get("runs").get(0).get("results").get(0);

        String uri = result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText();
        assertThat(URI.create(uri).getScheme()).as(uri).isNull();
        assertThat(uri).isEqualTo("javascript%3Aalert%281%29.yaml");
        assertThat(result.get("message").get("text").asText()).startsWith("see \\[here\\](1) \\[U+202E\\]evil");
        assertThat(sarif).doesNotContain("\u202E");
    }

    // Per-format invariants.

    @FunctionalInterface
    interface Invariant {
        void check(String out, String reference, Report attack, String where) throws Exception;
    }

    private static Map<String, Invariant> invariants() {
        Map<String, Invariant> all = new LinkedHashMap<>();
        all.put(TextRenderer.NAME, (out, reference, attack, where) -> { });
        all.put(JsonRenderer.NAME, HostileOutputTest::json);
        all.put(SarifRenderer.NAME, HostileOutputTest::sarif);
        all.put(MarkdownRenderer.NAME, HostileOutputTest::markdown);
        all.put(HtmlRenderer.NAME, HostileOutputTest::html);
        all.put(CheckJunitRenderer.NAME, HostileOutputTest::junit);
        return all;
    }

    /** JSON is data: every string goes in as it was and comes back out unchanged. */
    private static void json(String out, String reference, Report attack, String where) throws Exception {
        JsonNode scenarios = new ObjectMapper().readTree(out).get("scenarios");
        List<String> files = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        scenarios.forEach(s -> {
            files.add(s.get("file").asText());
            ids.add(s.get("scenario").isNull() ? null : s.get("scenario").asText());
            s.get("findings").forEach(f -> messages.add(f.get("message").asText()));
        });
        assertThat(files).as(where).isEqualTo(attack.results().stream().map(ScenarioResult::file).toList());
        assertThat(ids).as(where).isEqualTo(attack.results().stream().map(ScenarioResult::scenarioId).toList());
        assertThat(messages).as(where).isEqualTo(attack.results().stream().flatMap(r -> r.findings().stream()).map(Finding::message).toList());
    }

    private static void sarif(String out, String reference, Report attack, String where) throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(Files.readString(SARIF_SCHEMA));
        assertThat(schema.validate(out, InputFormat.JSON)).as(where).isEmpty();
        JsonNode log = new ObjectMapper().readTree(out);
        for (JsonNode artifact : log.findValues("artifactLocation")) {
            URI uri = URI.create(artifact.get("uri").asText());
            if (artifact.has("uriBaseId")) {
                assertThat(uri.getScheme()).as("%s: %s", where, uri).isNull();
                assertThat(uri.getRawAuthority()).as("%s: %s", where, uri).isNull();
            } else {
                assertThat(uri.getScheme()).as("%s: %s", where, uri).isEqualTo("file");
            }
        }
        for (JsonNode message : messages(log)) {
            String text = message.asText();
            assertThat(unescapedBracket(text)).as("%s: an unescaped bracket in %s", where, text).isNegative();
            assertThat(rawInvisibles(text)).as("%s: %s", where, text).isEmpty();
        }
    }

    private static void markdown(String out, String reference, Report attack, String where) {
        assertThat(liveMentions(out)).as(where).isEmpty();
        assertThat(linkTargets(out)).as(where).allSatisfy(t -> {
            URI uri = URI.create(t);
            assertThat(uri.getScheme()).as(t).isNull();
            assertThat(uri.getRawAuthority()).as(t).isNull();
        });
        String prose = withoutCodeSpans(out).replaceAll("\\]\\([^)]*\\)", "]");
        assertThat(prose).as("%s: a bare URL GitHub would autolink", where).doesNotContainPattern("(?i)://|www\\.");
        assertThat(tags(out)).as("%s: HTML tags", where).containsExactlyInAnyOrderElementsOf(tags(reference));
        out.lines().filter(l -> l.startsWith("| ")).forEach(row ->
                assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as("%s: %s", where, row).isEqualTo(6));
    }

    /** The page's elements and attributes are the template's: data adds no element, attribute or script. */
    private static void html(String out, String reference, Report attack, String where) {
        Document page = Jsoup.parse(out);
        Document expected = Jsoup.parse(reference);
        // As multisets: the report orders scenarios by file, and hostile names sort differently.
        assertThat(shape(page)).as(where).containsExactlyInAnyOrderElementsOf(shape(expected));
        assertThat(page.select("script")).as(where).isEmpty();
        for (Element e : page.getAllElements()) {
            e.attributes().forEach(a -> assertThat(a.getKey()).as(where).doesNotStartWith("on"));
        }
    }

    private static void junit(String out, String reference, Report attack, String where) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(out)));
        var expected = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(reference)));
        assertThat(doc.getElementsByTagName("*").getLength()).as(where).isEqualTo(expected.getElementsByTagName("*").getLength());
    }

    // Reading outputs back.

    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_`])@[A-Za-z0-9]");
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\]\\(([^)\\s]*)\\)");
    private static final Pattern TAG = Pattern.compile("<(/?[A-Za-z][A-Za-z0-9]*)");

    /** {@code @name} outside code spans, where GitHub would notify {@code name}. */
    static List<String> liveMentions(String markdown) {
        List<String> found = new ArrayList<>();
        Matcher m = MENTION.matcher(withoutCodeSpans(markdown));
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    static List<String> linkTargets(String markdown) {
        List<String> found = new ArrayList<>();
        String prose = withoutCodeSpans(markdown);
        Matcher m = LINK.matcher(prose);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<String> tags(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = TAG.matcher(withoutCodeSpans(text));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String withoutCodeSpans(String markdown) {
        // Our code spans hold no backtick; an escaped backtick in prose opens none.
        return markdown.replaceAll("(?<!\\\\)`[^`\n]*`", "``");
    }

    private static List<String> shape(Document page) {
        List<String> shape = new ArrayList<>();
        for (Element e : page.getAllElements()) {
            List<String> keys = new ArrayList<>();
            e.attributes().forEach(a -> keys.add(a.getKey()));
            shape.add(e.tagName() + keys);
        }
        return shape;
    }

    /** Every SARIF message text: results', locations', notifications' and rules' descriptions. */
    private static List<JsonNode> messages(JsonNode log) {
        List<JsonNode> texts = new ArrayList<>();
        for (String field : List.of("message", "shortDescription", "fullDescription", "help")) {
            log.findValues(field).forEach(m -> {
                if (m.has("text")) {
                    texts.add(m.get("text"));
                }
            });
        }
        return texts;
    }

    /** The index of the first {@code [} or {@code ]} not escaped by a backslash, or -1. */
    static int unescapedBracket(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' || c == ']') {
                return i;
            }
        }
        return -1;
    }

    /** Characters no output may carry raw: controls other than newline and tab, direction marks, line separators, lone surrogates. */
    static List<String> rawInvisibles(String text) {
        List<String> found = new ArrayList<>();
        text.codePoints().filter(cp -> cp != '\n' && cp != '\t' && (Character.isISOControl(cp) || Inert.invisible(cp)))
                .forEach(cp -> found.add(String.format("U+%04X", cp)));
        return found;
    }

    private static int lines(String text) {
        return text.split("\n", -1).length;
    }

    private static String render(String format, Report report) throws Exception {
        StringWriter out = new StringWriter();
        Formats.renderer(format).orElseThrow().render(report, out);
        return out.toString();
    }

    // Synthetic reports: the shape of RendererGoldenTest's "many", every text slot from Texts.

    /** The text for each slot: plain words, or hostile fragments; distinct either way, so grouping by id is the same. */
    static final class Texts {
        private final Random random;
        private final boolean hostile;
        private int n;

        Texts(Random random, boolean hostile) {
            this.random = random;
            this.hostile = hostile;
        }

        String text(String slot) {
            String unique = slot + "-" + (++n);
            if (!hostile) {
                return unique;
            }
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(4); i >= 0; i--) {
                s.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
            // A leading slash would make a path absolute, which is structure (a file URI, no link base), not text.
            return random.nextBoolean() ? (s.charAt(0) == '/' ? "x" : "") + s + unique : unique + s;
        }

        String file(boolean absolute) {
            String name = text("file");
            String attack = List.of("", "javascript:", "javascript://evil.example/", "data:", "<b>", "../").get(random.nextInt(6));
            return (absolute ? "/tmp/" : hostile ? attack : "scenarios/") + name + ".yaml";
        }

    }

    /** One evaluated scenario with one finding: the named attacks. */
    private static Report one(String file, String scenarioId, String message) {
        SourceSpan at = new SourceSpan(file, 3, 5, "practices[0]");
        Fact fact = new Described(FactKind.PRACTICE, "p", at, "detail");
        Finding finding = new Finding("R-1", "title", Severity.HIGH, "contract", List.of("a citation"), message,
                List.of(new Evidence("covered", "practice", "practice", "p", at, fact)), null, List.of(), List.of(), null, null);
        RuleDescriptor rule = new RuleDescriptor("R-1", "title", Severity.HIGH, "contract", null, List.of(new Citation("a citation", null)),
                SourceSpan.of("rules/r.drl", 1, 1), null, null, null);
        ScenarioResult result = new ScenarioResult(file, scenarioId, "title", AS_OF, ScenarioResult.Status.EVALUATED, List.of(finding),
                List.of(), null, null, List.of());
        return new Report(List.of(), List.of(), List.of(result), List.of(rule));
    }

    /**
     * A report whose structure (which parts exist, how many) comes from {@code shape}, seeded alike for
     * the plain and the hostile copy, and whose every text comes from {@code t}.
     */
    private static Report report(Random shape, Texts t) {
        List<RuleDescriptor> rules = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rules.add(new RuleDescriptor(t.text("rule"), t.text("title"), Severity.values()[i], t.text("basis"),
                    shape.nextBoolean() ? null : t.text("description"), List.of(new Citation(t.text("citation"), shape.nextBoolean() ? null : t.text("scope"))),
                    SourceSpan.of(t.text("rules") + ".drl", 4, 1), null, null, null));
        }
        List<ScenarioResult> results = new ArrayList<>();
        List<Waiver> waivers = new ArrayList<>();
        for (int s = 0, count = 1 + shape.nextInt(3); s < count; s++) {
            String file = t.file(shape.nextInt(4) == 0);
            String id = t.text("scenario");
            List<Finding> findings = new ArrayList<>();
            List<Timeline.Item> items = new ArrayList<>();
            for (int f = 0, fc = shape.nextInt(4); f < fc; f++) {
                RuleDescriptor rule = rules.get(f % rules.size());
                List<Evidence> evidence = new ArrayList<>();
                for (int e = 0, ec = 1 + shape.nextInt(3); e < ec; e++) {
                    SourceSpan span = new SourceSpan(file, 10 + e, 5, t.text("path"));
                    String factId = t.text("practice");
                    evidence.add(new Evidence(t.text("role"), "practice", t.text("kind"), factId, span,
                            new Described(FactKind.PRACTICE, factId, span, t.text("detail"))));
                    if (e == 0) {
                        items.add(new Timeline.Item(Timeline.Lane.PRACTICES, "practice", factId, t.text("label"), LocalDate.of(2024, 8, 1),
                                AS_OF, true, List.of(new Timeline.Mark(LocalDate.of(2024, 9, 18), t.text("mark"))), span, List.of()));
                    }
                }
                Waiver waiver = shape.nextInt(3) == 0 ? waiver(t) : null;
                Review.BaselineState baseline = shape.nextBoolean() ? null : shape.nextBoolean() ? Review.BaselineState.NEW : Review.BaselineState.UNCHANGED;
                List<Finding.FindingRef> restsOn = shape.nextBoolean() ? List.of()
                        : List.of(new Finding.FindingRef(t.text("rests"), shape.nextBoolean() ? null : SourceSpan.of(file, 2, 2), t.text("why")));
                findings.add(new Finding(rule.id(), rule.title(), rule.severity(), rule.basis(), List.of(t.text("cites"), t.text("cites")),
                        t.text("message"), evidence, shape.nextBoolean() ? null : Exposure.usd(1_000L + shape.nextInt(1000), t.text("basis")),
                        restsOn, List.of(t.text("region")), null, new Review(waiver, baseline)));
            }
            List<Diagnostic> warnings = shape.nextBoolean() ? List.of()
                    : List.of(Diagnostic.warning(new SourceSpan(file, 20, 14, t.text("path")), t.text("warning")));
            switch (shape.nextInt(4)) {
                case 0 -> results.add(ScenarioResult.invalid(file, List.of(new Diagnostic(new SourceSpan(file, 9, 7, t.text("path")),
                        t.text("diagnostic"))), warnings));
                case 1 -> results.add(ScenarioResult.failed(file, t.text("error")));
                default -> results.add(new ScenarioResult(file, id, t.text("title"), AS_OF, ScenarioResult.Status.EVALUATED, findings, List.of(),
                        null, new Timeline(AS_OF, items), warnings));
            }
            waivers.add(waiver(t));
        }
        List<Diagnostic> ruleDiagnostics = shape.nextInt(8) == 0
                ? List.of(new Diagnostic(SourceSpan.of(t.text("rules") + ".drl", 12, 3), t.text("compile"))) : List.of();
        List<Diagnostic> input = shape.nextBoolean() ? List.of()
                : List.of(new Diagnostic(SourceSpan.of(t.text("missing"), 0, 0), t.text("input")));
        ReviewNotes review = new ReviewNotes(List.of(waivers.get(0)), List.of(waiver(t)),
                List.of(new ReviewNotes.FixedFinding("0123456789abcdef0123456789abcdef", t.text("rule"), t.text("scenario"), t.text("fixed"))),
                shape.nextBoolean());
        return new Report(ruleDiagnostics, input, ruleDiagnostics.isEmpty() ? results : List.of(), rules, review);
    }

    private static Waiver waiver(Texts t) {
        return new Waiver(t.text("rule"), t.text("glob"), t.text("justification"), t.text("approver"), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), new SourceSpan(t.text("waivers") + ".yaml", 2, 3, t.text("path")));
    }
}
