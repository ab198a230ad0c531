package dev.covenant.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.ShippedRules;
import dev.covenant.engine.Batch;
import dev.covenant.finding.Report;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** A scenario full of markup, pipes, CDATA ends, control characters and direction overrides renders inert in every format. */
class OutputSafetyTest {

    private static final Report HOSTILE = Batch.run(ShippedRules.get(), List.of(Path.of("src/test/resources/scenarios/hostile")),
            Batch.Options.defaults());

    @Test
    void the_hostile_scenario_is_evaluated_so_its_text_reaches_every_renderer() {
        assertThat(HOSTILE.results()).singleElement().satisfies(r -> assertThat(r.findings()).isNotEmpty());
    }

    @Test
    void html_escapes_markup_and_shows_controls_as_code_points() throws Exception {
        String html = render("html");

        assertThat(html).doesNotContain("<script", "<img src=x", "</svg><script", "\u202E", "\u0007")
                .contains("&lt;script&gt;", "[U+202E]", "[U+0007]");
    }

    @Test
    void markdown_escapes_table_cells_and_html() throws Exception {
        String md = render("markdown");

        assertThat(md).doesNotContain("<script", "\u202E", "\u0007");
        md.lines().filter(l -> l.startsWith("| ")).forEach(row ->
                assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(6));
    }

    @Test
    void junit_xml_parses_and_carries_no_raw_controls() throws Exception {
        String xml = render("junit");

        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertThat(xml).doesNotContain("\u202E", "\u0007", "<script");
    }

    @Test
    void json_and_sarif_parse_and_keep_the_text_as_data() throws Exception {
        for (String format : List.of("json", "sarif")) {
            String json = render(format);
            assertThat(new ObjectMapper().readTree(json)).isNotNull();
            assertThat(json).doesNotContain("\u0007");
        }
    }

    @Test
    void text_output_has_no_terminal_controls_or_overrides() throws Exception {
        String text = render("text");

        assertThat(text.chars().filter(c -> (c < 32 && c != '\n' && c != '\t') || (c >= 0x202A && c <= 0x202E))).isEmpty();
        assertThat(text).contains("[U+202E]");
    }

    private static String render(String format) throws Exception {
        StringWriter out = new StringWriter();
        Formats.renderer(format).orElseThrow().render(HOSTILE, out);
        return out.toString();
    }

    @Test
    void markdown_folds_a_long_table_into_a_summary_by_rule() throws Exception {
        Report all = Batch.run(ShippedRules.get(), List.of(ShippedRules.FIXTURES), Batch.Options.defaults());
        StringWriter out = new StringWriter();
        new MarkdownRenderer().render(all, out);

        int findings = all.summary().findings();
        assertThat(findings).isGreaterThan(MarkdownRenderer.FULL_TABLE_LIMIT);
        assertThat(out.toString()).contains("| Severity | Rule | Findings | Scenarios | Citation |", "<details><summary>All " + findings + " findings</summary>");
        assertThat(out.toString().indexOf("| Severity | Rule | Findings |")).isLessThan(out.toString().indexOf("<details>"));
    }
}
