package dev.covenant.verify.report;

import dev.covenant.finding.Finding;
import dev.covenant.verify.FixtureRun;
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

    /** A plain-text account of what differs, for text output and JUnit failure bodies. */
    static String describe(FixtureRun.Outcome o) {
        StringBuilder s = new StringBuilder();
        if (o.check().problem() != null && o.problems().isEmpty()) {
            s.append(o.check().problem()).append('\n');
        }
        o.problems().forEach(d -> s.append(d.format()).append('\n'));
        if (o.result().error() != null) {
            s.append(o.file()).append(": error: ").append(o.result().error()).append('\n');
        }
        o.result().diagnostics().forEach(d -> s.append(d.format()).append('\n'));
        for (String id : o.check().missing()) {
            s.append("missing: ").append(id).append(" — expected to fire (").append(o.expect().where(id).location())
                    .append("), did not; try: covenant explain ").append(o.file()).append(" --rule ").append(id).append('\n');
        }
        for (Finding f : unwanted(o)) {
            boolean absent = o.check().firedButAbsent().contains(f.ruleId());
            s.append(absent ? "fired but expect.absent names it: " : "unexpected: ").append(f.ruleId()).append(" — ")
                    .append(f.message()).append('\n');
            String label = "    evidence: ";
            for (var e : f.evidence()) {
                s.append(label).append(e.span().location()).append("  ").append(e.kind()).append(' ').append(e.id()).append('\n');
                label = "              ";
            }
        }
        return s.toString();
    }
}
