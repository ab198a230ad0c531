package dev.covenant.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.covenant.source.Version;
import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Report;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Severity;
import dev.covenant.finding.Timeline;
import dev.covenant.source.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One self-contained HTML file for counsel: a summary of all scenarios, then per scenario its findings
 * (citations, evidence with file:line and the fact's content, exposure) and an SVG timeline of its
 * document versions, settings, promises, practices and models, with the facts and dates that findings
 * compared marked. The page is a Mustache template (escaping every value); no script, no network.
 */
public final class HtmlRenderer implements Renderer {

    public static final String NAME = "html";
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("dev/covenant/report").compile("report.html.mustache");

    static final int WIDTH = 960;
    static final int LABEL_WIDTH = 250;
    static final int ROW_HEIGHT = 26;
    static final int TOP = 34;

    @Override
    public void render(Report report, Writer out) throws IOException {
        TEMPLATE.execute(out, page(report)).flush();
    }

    // The view model: plain public records read by the template.

    /** The whole page. */
    public record Page(String version, SummaryView summary, List<Line> problems, boolean hasProblems, List<ScenarioView> scenarios) {
    }

    /** Counts over all scenarios. */
    public record SummaryView(int scenarios, int evaluated, int invalid, int errors, int findings, List<Count> bySeverity, String exposure) {
    }

    /** A count with its label. */
    public record Count(String name, int count) {
    }

    /** A location and a message. */
    public record Line(String location, String message) {
    }

    /** One scenario section. */
    public record ScenarioView(String anchor, String file, String id, String title, String asOf, String status, boolean evaluated,
            String error, List<Line> diagnostics, int findingCount, String exposure, List<FindingView> findings, boolean hasFindings,
            TimelineView timeline) {
    }

    /** One finding. */
    public record FindingView(String severity, String ruleId, String title, String message, String citations,
            String exposure, List<RestsOnView> restsOn, boolean hasRestsOn, List<EvidenceView> evidence) {
    }

    /** One finding another rests on: its rule and subject, where it points, its message. */
    public record RestsOnView(String label, String location, String message) {
    }

    /** One piece of evidence. */
    public record EvidenceView(String location, String kind, String id, String detail) {
    }

    /** The timeline drawing, in pixels. */
    public record TimelineView(int width, int height, int labelWidth, List<Tick> ticks, List<ItemView> items, int asOfX, String asOf) {
    }

    /** An axis tick. */
    public record Tick(int x, String label) {
    }

    /** One bar or point with its marks; {@code flagged} when a finding rests on it. */
    public record ItemView(int y, int textY, int x1, int width, boolean point, int cx, String label, String lane, String title,
            boolean flagged, String rules, String cls, List<MarkView> marks) {
    }

    /** A dated mark on an item. */
    public record MarkView(int x, String title, boolean flagged) {
    }

    static Page page(Report report) {
        Report.Summary s = report.summary();
        List<Count> counts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            counts.add(new Count(severity.key(), s.bySeverity().get(severity)));
        }
        List<Line> problems = new ArrayList<>();
        for (Diagnostic d : report.ruleDiagnostics()) {
            problems.add(line(d));
        }
        for (Diagnostic d : report.inputDiagnostics()) {
            problems.add(line(d));
        }
        List<ScenarioView> scenarios = new ArrayList<>();
        int n = 0;
        for (ScenarioResult r : report.results()) {
            scenarios.add(scenario(r, "s" + (++n)));
        }
        return new Page(Version.current(), new SummaryView(s.scenarios(), s.evaluated(), s.invalid(), s.errors(), s.findings(), counts,
                s.exposureUsd() > 0 ? Money.usd(s.exposureUsd()) : null), problems, !problems.isEmpty(), scenarios);
    }

    private static ScenarioView scenario(ScenarioResult r, String anchor) {
        List<FindingView> findings = r.findings().stream().map(HtmlRenderer::finding).toList();
        long exposure = r.exposureTotal("USD");
        return new ScenarioView(anchor, clean(r.file()), clean(r.scenarioId() == null ? r.file() : r.scenarioId()),
                clean(r.title()), r.asOf() == null ? "" : r.asOf().toString(), r.status().name().toLowerCase(Locale.ROOT),
                r.status() == ScenarioResult.Status.EVALUATED, clean(r.error()), r.diagnostics().stream().map(HtmlRenderer::line).toList(),
                findings.size(), exposure > 0 ? Money.usd(exposure) : null, findings, !findings.isEmpty(),
                r.timeline() == null || r.timeline().items().isEmpty() ? null : timeline(r.timeline(), r.findings()));
    }

    private static FindingView finding(Finding f) {
        List<EvidenceView> evidence = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            evidence.add(new EvidenceView(clean(e.span().location()), clean(e.kind()), clean(e.id()), clean(e.detail())));
        }
        return new FindingView(f.severity().key(), clean(f.ruleId()), clean(f.title()), clean(f.message()),
                clean(String.join("; ", f.citations())),
                f.exposure() == null ? null : Money.format(f.exposure()) + " — " + clean(f.exposure().basis()),
                f.restsOn().stream().map(ref -> new RestsOnView(clean(ref.label()),
                        ref.at() == null ? null : clean(ref.at().location()), clean(ref.message()))).toList(),
                !f.restsOn().isEmpty(),
                evidence);
    }

    /** Lays out the timeline; items a finding rests on, and their dates, are flagged with the rule ids. */
    static TimelineView timeline(Timeline timeline, List<Finding> findings) {
        Map<Timeline.Item, Set<String>> rulesByItem = new java.util.IdentityHashMap<>();
        for (Finding f : findings) {
            for (Evidence e : f.evidence()) {
                for (Timeline.Item item : timeline.items()) {
                    if (item.standsFor(e.kindKey(), e.id())) {
                        rulesByItem.computeIfAbsent(item, k -> new TreeSet<>()).add(f.ruleId());
                    }
                }
            }
        }
        LocalDate first = timeline.items().stream().map(Timeline.Item::start).min(Comparator.naturalOrder()).orElse(timeline.asOf());
        LocalDate last = timeline.items().stream().map(Timeline.Item::end).max(Comparator.naturalOrder()).orElse(timeline.asOf());
        if (timeline.asOf().isAfter(last)) {
            last = timeline.asOf();
        }
        LocalDate from = first.minusDays(Math.max(15, ChronoUnit.DAYS.between(first, last) / 40));
        LocalDate to = last.plusDays(Math.max(15, ChronoUnit.DAYS.between(first, last) / 40));
        Scale scale = new Scale(from, to, LABEL_WIDTH + 10, WIDTH - 20);
        List<ItemView> items = new ArrayList<>();
        int row = 0;
        for (Timeline.Item item : timeline.items()) {
            int y = TOP + row++ * ROW_HEIGHT;
            Set<String> rules = rulesByItem.getOrDefault(item, Set.of());
            boolean flagged = !rules.isEmpty();
            int x1 = scale.x(item.start());
            int x2 = Math.max(scale.x(item.end()), x1 + 2);
            boolean point = item.start().equals(item.end());
            List<MarkView> marks = item.marks().stream()
                    .map(m -> new MarkView(scale.x(m.date()), clean(m.label() + " " + m.date()), flagged)).toList();
            String title = clean(item.label() + ": " + item.start() + (point ? "" : " to " + (item.open() ? "(open) " : "") + item.end())
                    + (flagged ? " — findings: " + String.join(", ", rules) : ""));
            items.add(new ItemView(y, y + 12, x1, x2 - x1, point, x1, clean(shorten(item.label())), item.lane().name().toLowerCase(Locale.ROOT),
                    title, flagged, flagged ? String.join(", ", rules) : null,
                    item.lane().name().toLowerCase(Locale.ROOT) + (flagged ? " flagged" : "") + (item.open() ? " open" : ""), marks));
        }
        return new TimelineView(WIDTH, TOP + row * ROW_HEIGHT + 10, LABEL_WIDTH, scale.ticks(), items, scale.x(timeline.asOf()),
                timeline.asOf().toString());
    }

    /** Maps dates to x coordinates between {@code left} and {@code right}. */
    private record Scale(LocalDate from, LocalDate to, int left, int right) {
        int x(LocalDate date) {
            long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
            return left + (int) Math.round((double) (right - left) * ChronoUnit.DAYS.between(from, date) / days);
        }

        List<Tick> ticks() {
            long span = ChronoUnit.DAYS.between(from, to);
            int stepMonths = span > 365 * 6 ? 24 : span > 365 * 3 ? 12 : span > 365 ? 3 : 1;
            List<Tick> ticks = new ArrayList<>();
            LocalDate tick = from.withDayOfMonth(1).plusMonths(1);
            while (tick.getMonthValue() % stepMonths != 1 % stepMonths && stepMonths > 1) {
                tick = tick.plusMonths(1);
            }
            for (; !tick.isAfter(to); tick = tick.plusMonths(stepMonths)) {
                ticks.add(new Tick(x(tick), stepMonths >= 12 ? Integer.toString(tick.getYear()) : tick.toString().substring(0, 7)));
            }
            return ticks;
        }
    }

    private static Line line(Diagnostic d) {
        return new Line(clean(d.where().location()), clean(d.message()));
    }

    private static String shorten(String label) {
        return label.length() <= 34 ? label : label.substring(0, 33) + "…";
    }

    /** User text with control and direction-override characters made visible; the template escapes the rest. */
    static String clean(String text) {
        return text == null ? null : MarkdownRenderer.sanitize(text);
    }

    /** HTML escaping for the few places outside the template (Markdown's HTML fragments). */
    static String escape(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
