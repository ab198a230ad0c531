package dev.covenant.verify.report;

import dev.covenant.finding.Finding;
import dev.covenant.verify.FixtureRun;
import dev.covenant.source.Diagnostic;
import java.util.List;

/** The findings behind a fixture's differences from its expectation, shared by the test renderers. */
final class Differences {

    private Differences() {
    }

    /** Findings of rules that fired but were not expected (or were expected absent). */
    static List<Finding> unwanted(FixtureRun.Outcome o) {
        return o.result().findings().stream()
                .filter(f -> o.check().unexpected().contains(f.ruleId()) || o.check().firedButAbsent().contains(f.ruleId()))
                .toList();
    }

    /**
     * The fixture's problems, then its result's diagnostics, each once: an invalid fixture carries its
     * loader's diagnostics as both (they were shown twice).
     */
    static List<Diagnostic> diagnostics(FixtureRun.Outcome o) {
        List<Diagnostic> all = new java.util.ArrayList<>(o.problems());
        o.result().diagnostics().stream().filter(d -> !all.contains(d)).forEach(all::add);
        return all;
    }

    /** A plain-text account of what differs, for text output and JUnit failure bodies. */
    static String describe(FixtureRun.Outcome o) {
        StringBuilder s = new StringBuilder();
        List<Diagnostic> diagnostics = diagnostics(o);
        if (o.check().problem() != null && diagnostics.isEmpty() && o.result().error() == null) {
            s.append(t(o.check().problem())).append('\n');
        }
        diagnostics.forEach(d -> s.append(t(d.format())).append('\n'));
        if (o.result().error() != null) {
            s.append(t(o.file())).append(": error: ").append(t(o.result().error())).append('\n');
        }
        for (String id : o.check().missing()) {
            s.append("missing: ").append(t(id)).append(" — expected to fire (").append(t(o.expect().where(id).location()))
                    .append("), did not; try: covenant explain ").append(t(o.file())).append(" --rule ").append(t(id)).append('\n');
        }
        for (Finding f : unwanted(o)) {
            boolean absent = o.check().firedButAbsent().contains(f.ruleId());
            s.append(absent ? "fired but expect.absent names it: " : "unexpected: ").append(t(f.ruleId())).append(" — ")
                    .append(t(f.message())).append('\n');
            String label = "    evidence: ";
            for (var e : f.evidence()) {
                s.append(label).append(t(e.span().location())).append("  ").append(t(e.kind())).append(' ').append(t(e.id())).append('\n');
                label = "              ";
            }
        }
        return s.toString();
    }

    /** One datum, one line: the account is split on its newlines, so a datum's own must not count. */
    private static String t(String datum) {
        return dev.covenant.report.Inert.field(datum);
    }
}
