package dev.covenant.report;

import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pull-request comment: counts by severity, the exposure total, a table of findings with evidence
 * links ({@code file#Lline}), and collapsible details per scenario. Past {@link #FULL_TABLE_LIMIT}
 * findings the table is summarised by rule and the full table folds away, so 200 findings stay readable.
 */
public final class MarkdownRenderer implements Renderer {

    public static final String NAME = "markdown";
    static final int FULL_TABLE_LIMIT = 50;

    /** Prefixed to evidence paths in links (a pull-request comment has no repository to be relative to), or null. */
    private final String linkBase;

    public MarkdownRenderer() {
        this(null);
    }

    /**
     * Evidence links under {@code linkBase}, such as {@code https://github.com/acme/privacy/blob/abc123/}:
     * a comment on a pull request resolves relative links against the page, not the repository.
     */
    public MarkdownRenderer(String linkBase) {
        this.linkBase = linkBase == null || linkBase.endsWith("/") ? linkBase : linkBase + "/";
    }

    /** Checks a {@code --link-base}: an absolute http(s) URL; returns the problem, or null. */
    public static String checkLinkBase(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? null : "--link-base '" + url + "' is not an absolute http(s) URL";
        } catch (java.net.URISyntaxException e) {
            return "--link-base '" + url + "' is not a URL: " + e.getReason();
        }
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        Report.Summary s = report.summary();
        out.write("## Covenant findings\n\n");
        out.write("**" + s.findings() + " finding(s)** in " + s.scenarios() + " scenario(s) (" + s.evaluated() + " evaluated, "
                + s.invalid() + " invalid, " + s.errors() + " error(s))");
        List<String> counts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            if (s.bySeverity().get(severity) > 0) {
                counts.add(s.bySeverity().get(severity) + " " + severity.key());
            }
        }
        if (!counts.isEmpty()) {
            out.write(" — " + String.join(" · ", counts));
        }
        if (s.exposureUsd() > 0) {
            out.write(" — exposure **" + Money.usd(s.exposureUsd()) + "**");
        }
        out.write("\n\n");
        problems(report, out);
        List<Row> rows = new ArrayList<>();
        for (ScenarioResult r : report.results()) {
            r.findings().forEach(f -> rows.add(new Row(r, f)));
        }
        if (!rows.isEmpty()) {
            if (rows.size() > FULL_TABLE_LIMIT) {
                byRule(rows, out);
                out.write("<details><summary>All " + rows.size() + " findings</summary>\n\n");
                table(rows, out);
                out.write("\n</details>\n\n");
            } else {
                table(rows, out);
                out.write("\n");
            }
        }
        warnings(report, out);
        for (ScenarioResult r : report.results()) {
            if (!r.findings().isEmpty()) {
                details(r, out);
            }
        }
        out.write("_Findings are issues for counsel to review, not legal advice._\n");
    }

    private record Row(ScenarioResult scenario, Finding finding) {
    }

    private static void problems(Report report, Writer out) throws IOException {
        List<Diagnostic> all = new ArrayList<>(report.ruleDiagnostics());
        all.addAll(report.inputDiagnostics());
        report.results().forEach(r -> all.addAll(r.diagnostics()));
        List<String> errors = report.results().stream().filter(r -> r.error() != null)
                .map(r -> code(r.file()) + ": " + inline(r.error())).toList();
        if (all.isEmpty() && errors.isEmpty()) {
            return;
        }
        out.write("**Not evaluated** — fix these first:\n\n");
        for (Diagnostic d : all) {
            out.write("- " + code(d.where().location()) + ": " + inline(d.message()) + "\n");
        }
        for (String e : errors) {
            out.write("- " + e + "\n");
        }
        out.write("\n");
    }

    /** Warnings change no verdict, but a reviewer should see them: a region that reads as a mistake, say. */
    private static void warnings(Report report, Writer out) throws IOException {
        List<Diagnostic> all = report.results().stream().flatMap(r -> r.warnings().stream()).toList();
        if (all.isEmpty()) {
            return;
        }
        out.write("**Warnings** — evaluated, but check these:\n\n");
        for (Diagnostic d : all) {
            out.write("- " + code(d.where().location()) + ": " + inline(d.message()) + "\n");
        }
        out.write("\n");
    }

    private void table(List<Row> rows, Writer out) throws IOException {
        out.write("| Severity | Rule | Scenario | Citation | Evidence |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            Finding f = row.finding();
            String citation = f.citations().isEmpty() ? "" : inline(f.citations().get(0))
                    + (f.citations().size() > 1 ? " (+" + (f.citations().size() - 1) + ")" : "");
            out.write("| " + f.severity().key() + (f.review().waived() ? " (waived)" : "") + " | " + code(f.ruleId()) + " | " + inline(row.scenario().scenarioId()) + " | "
                    + citation + " | " + (f.primary() == null ? "" : link(f.primary())) + " |\n");
        }
    }

    private static void byRule(List<Row> rows, Writer out) throws IOException {
        Map<String, List<Row>> byRule = new LinkedHashMap<>();
        rows.stream().sorted((a, b) -> a.finding().severity() != b.finding().severity()
                        ? a.finding().severity().compareTo(b.finding().severity()) : a.finding().ruleId().compareTo(b.finding().ruleId()))
                .forEach(r -> byRule.computeIfAbsent(r.finding().ruleId(), k -> new ArrayList<>()).add(r));
        out.write("| Severity | Rule | Findings | Scenarios | Citation |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Row>> e : byRule.entrySet()) {
            Finding first = e.getValue().get(0).finding();
            long scenarios = e.getValue().stream().map(r -> r.scenario().file()).distinct().count();
            out.write("| " + first.severity().key() + " | " + code(e.getKey()) + " | " + e.getValue().size() + " | " + scenarios
                    + " | " + (first.citations().isEmpty() ? "" : inline(first.citations().get(0))) + " |\n");
        }
        out.write("\n");
    }

    private void details(ScenarioResult r, Writer out) throws IOException {
        long exposure = r.exposureTotal("USD");
        out.write("<details><summary><b>" + html(r.scenarioId()) + "</b> — " + r.findings().size() + " finding(s)"
                + (exposure > 0 ? ", exposure " + Money.usd(exposure) : "") + " — " + html(r.file()) + "</summary>\n\n");
        for (Finding f : r.findings()) {
            out.write("- **" + f.severity().key() + " " + inline(f.ruleId()) + "** — " + inline(f.message()) + "\n");
            out.write("  - cites: " + inline(String.join("; ", f.citations())) + "\n");
            List<String> evidence = new ArrayList<>();
            for (Evidence e : f.evidence()) {
                evidence.add(link(e.span()) + " " + inline(e.kind() + " " + e.id()));
            }
            out.write("  - evidence: " + String.join(", ", evidence) + "\n");
            if (f.exposure() != null) {
                out.write("  - exposure: " + Money.format(f.exposure()) + " — " + inline(f.exposure().basis()) + "\n");
            }
            if (!f.restsOn().isEmpty()) {
                out.write("  - rests on:\n");
                for (Finding.FindingRef ref : f.restsOn()) {
                    out.write("    - " + inline(ref.label()) + (ref.at() == null ? "" : " " + link(ref.at()))
                            + (ref.message() == null ? "" : " — " + inline(ref.message())) + "\n");
                }
            }
        }
        out.write("\n</details>\n\n");
    }

    private String link(SourceSpan span) {
        // Percent-encoded, so no file name is read as a scheme (javascript:), a host (//evil) or markup (<b>, a newline).
        String path = Inert.uriPath(span.file());
        String target = (linkBase != null && !span.file().startsWith("/") ? linkBase + path : path) + "#L" + span.line();
        String label = span.file().substring(span.file().lastIndexOf('/') + 1) + "#L" + span.line();
        return "[" + inline(label) + "](" + target + ")";
    }

    private static String code(String text) {
        return "`" + sanitize(text).replace("`", "'").replace("|", "\\|") + "`";
    }

    /**
     * Text made inert for Markdown and table cells: markup characters escaped, HTML angle brackets as
     * entities, line breaks folded, control and direction-override characters shown as code points,
     * and what GitHub would turn live — an {@code @mention} (which notifies), a bare {@code https://} or
     * {@code www.} (which GFM autolinks) — broken by a zero-width space, the way Dependabot and Renovate
     * quote release notes: a backslash before {@code @} is not enough, as GitHub finds mentions in the
     * rendered text.
     */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        String clean = sanitize(text);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '#', '|', '~', '!' -> s.append('\\').append(c);
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '@' -> s.append(c).append(mention(clean, i) ? ZERO_WIDTH_SPACE : "");
                case ':' -> s.append(c).append(clean.startsWith("//", i + 1) ? ZERO_WIDTH_SPACE : "");
                case '.' -> s.append(i >= 3 && clean.regionMatches(true, i - 3, "www", 0, 3) ? ZERO_WIDTH_SPACE : "").append(c);
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** Written after an {@code @} or {@code :} that GitHub would otherwise make live; renders as nothing. */
    static final String ZERO_WIDTH_SPACE = "&#8203;";

    /** An {@code @} that GitHub could read as a mention (or GFM as an e-mail autolink): a letter or digit follows. */
    private static boolean mention(String text, int at) {
        return at + 1 < text.length() && Character.isLetterOrDigit(text.charAt(at + 1));
    }

    /** Text for an HTML fragment (the details summary): entities, brackets as entities, mentions and URLs broken as in {@link #inline}. */
    private static String html(String text) {
        String clean = HtmlRenderer.escape(sanitize(text == null ? "" : text));
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == '[' || c == ']' || c == '`') {
                // Raw HTML renders no Markdown on GitHub, but other renderers do: no link or code span either way.
                s.append(c == '[' ? "&#91;" : c == ']' ? "&#93;" : "&#96;");
                continue;
            }
            s.append(c == '.' && i >= 3 && clean.regionMatches(true, i - 3, "www", 0, 3) ? ZERO_WIDTH_SPACE : "")
                    .append(c).append((c == '@' && mention(clean, i)) || (c == ':' && clean.startsWith("//", i + 1)) ? ZERO_WIDTH_SPACE : "");
        }
        return s.toString();
    }

    static String sanitize(String text) {
        return Inert.line(text);
    }
}
