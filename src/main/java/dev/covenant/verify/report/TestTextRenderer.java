package dev.covenant.verify.report;

import dev.covenant.report.Inert;
import dev.covenant.report.InertWriter;
import dev.covenant.verify.Coverage;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** {@code covenant test} for people: PASS/FAIL/ERROR/SKIP per fixture, the differences, and counts. */
public final class TestTextRenderer implements TestRenderer {

    public static final String NAME = "text";

    @Override
    public void render(FixtureRun run, Coverage coverage, Writer raw) throws IOException {
        Writer out = new InertWriter(raw);
        for (var d : run.diagnostics()) {
            out.write(Inert.field(d.format()) + "\n");
        }
        for (FixtureRun.Outcome o : run.outcomes()) {
            String name = o.scenarioId() == null ? "" : "  " + Inert.field(o.scenarioId());
            String note = o.status() == FixtureRun.Status.SKIP ? "  (no expect: block)" : "";
            out.write(String.format(Locale.ROOT, "%-5s %s%s  (%d ms)%s%n", o.status(), Inert.field(o.file()), name, o.nanos() / 1_000_000, note));
            if (o.status() == FixtureRun.Status.FAIL || o.status() == FixtureRun.Status.ERROR) {
                for (String line : Differences.describe(o).split("\n")) {
                    out.write("      " + line + "\n");
                }
            }
            // Warnings show under every fixture, passing or not: they do not change its status.
            for (var w : o.result().warnings()) {
                out.write("      " + Inert.field(w.format()) + "\n");
            }
        }
        if (coverage != null) {
            out.write("\nRule coverage (fires in / near-miss in):\n");
            for (Coverage.Rule r : coverage.rules()) {
                out.write(String.format(Locale.ROOT, "  %-26s %2d / %-2d %s%n", r.id(), r.firing().size(), r.nearMisses().size(),
                        r.fullyCovered() ? "" : r.firing().isEmpty() ? "NO FIRING FIXTURE" + (r.nearMisses().isEmpty() ? ", NO NEAR-MISS" : "")
                                : "NO NEAR-MISS"));
            }
            out.write(String.format(Locale.ROOT, "%d of %d rules fully covered (%.1f%%)%n",
                    coverage.fullyCovered(), coverage.rules().size(), coverage.percent()));
        }
        out.write(String.format(Locale.ROOT, "%n%d fixture(s) in %.2f s%n", run.outcomes().size(), run.nanos() / 1e9));
        long warnings = run.outcomes().stream().mapToLong(o -> o.result().warnings().size()).sum();
        out.write(String.format(Locale.ROOT, "%d passed, %d failed, %d skipped, %d errors%s%n",
                run.count(FixtureRun.Status.PASS), run.count(FixtureRun.Status.FAIL), run.count(FixtureRun.Status.SKIP),
                run.count(FixtureRun.Status.ERROR), warnings == 0 ? "" : ", " + warnings + " warning(s)"));
    }
}
