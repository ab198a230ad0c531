package dev.covenant.explain;

import dev.covenant.report.Inert;
import dev.covenant.report.InertWriter;
import dev.covenant.engine.RuleCatalog;
import dev.covenant.engine.RuleInfo;
import dev.covenant.engine.RulePatterns;
import dev.covenant.engine.Trace;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.classify.Derived;
import dev.covenant.finding.Violations;
import dev.covenant.model.Fact;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code covenant explain}: for each finding, the rule and what it matched — scenario facts with
 * file:line, derived facts with the classification rule that derived them and what they rest on, and
 * for chained findings the findings beneath, recursively. For a named rule that did not fire, why not,
 * as far as the engine tells.
 */
public final class ExplainWriter {

    private static final int MAX_DEPTH = 8;

    private final RuleCatalog catalog;
    private final org.kie.api.KieBase kieBase;
    private final Trace trace;
    private final Writer out;

    public ExplainWriter(RuleCatalog catalog, org.kie.api.KieBase kieBase, Trace trace, Writer out) {
        this.catalog = catalog;
        this.kieBase = kieBase;
        this.trace = trace;
        this.out = new InertWriter(out);
    }

    /** Explains every finding, or only those of {@code ruleId} (and why it did not fire, if it did not). */
    public void write(String ruleId) throws IOException {
        try {
            explain(ruleId);
        } finally {
            out.flush();
        }
    }

    /** One datum from the scenario (an id, a file name, a message) on one line, however it was written. */
    private static String d(String datum) {
        return datum == null ? "null" : Inert.field(datum);
    }

    private void explain(String ruleId) throws IOException {
        ScenarioResult result = trace.result();
        out.write(d(result.file()) + "  " + d(result.scenarioId()) + " (as of " + result.asOf() + ")\n");
        if (result.status() != ScenarioResult.Status.EVALUATED) {
            out.write("  evaluation failed: " + d(result.error()) + "\n");
            return;
        }
        List<Finding> findings = result.findings().stream().filter(f -> ruleId == null || f.ruleId().equals(ruleId)).toList();
        if (ruleId == null && findings.isEmpty()) {
            out.write("\nno findings\n");
        }
        for (Finding finding : findings) {
            out.write("\n");
            finding(finding);
        }
        if (ruleId != null && findings.isEmpty()) {
            out.write("\n");
            notFired(ruleId);
        }
    }

    private void finding(Finding f) throws IOException {
        out.write(f.ruleId() + "  " + f.title() + "  [" + f.severity().key() + "]\n");
        Trace.Derivation how = trace.derivationOf(f);
        if (how != null && how.rule() != null) {
            out.write("  rule \"" + how.rule().name() + "\" (" + how.rule().declared().location() + ")\n");
        }
        out.write("  " + d(f.message()) + "\n");
        out.write("  cites: " + d(String.join("; ", f.citations())) + "\n");
        if (how != null) {
            out.write("  because it matched:\n");
            bindings(how.bindings(), "    ", 1, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
    }

    private void bindings(Map<String, Object> bindings, String indent, int depth, Set<Object> seen) throws IOException {
        for (Map.Entry<String, Object> e : bindings.entrySet()) {
            String name = e.getKey().startsWith("$") ? e.getKey() : "$" + e.getKey();
            value(name + " = ", e.getValue(), indent, depth, seen);
        }
    }

    private void value(String label, Object value, String indent, int depth, Set<Object> seen) throws IOException {
        if (value instanceof Fact fact) {
            out.write(indent + label + fact.kind() + " " + d(fact.id()) + " (" + d(fact.span().location()) + ")\n");
        } else if (value instanceof Finding finding) {
            out.write(indent + label + "finding " + finding.ruleId() + ": " + d(finding.message()) + "\n");
            nested(finding, indent, depth, seen);
        } else if (value instanceof Derived derived) {
            out.write(indent + label + summary(derived));
            nested(derived, indent, depth, seen);
        } else if (value instanceof Violations violations) {
            out.write(indent + label + "Violations(" + d(violations.region()) + ": " + d(String.join(", ", violations.ruleIds())) + ")");
            nested(violations, indent, depth, seen);
        } else if (value instanceof Collection<?> many) {
            out.write(indent + label + many.size() + " value(s):\n");
            // An accumulate's list is in the order the engine matched, which differs between the compiled and
            // the cached (executable-model) pack: shown sorted, so explain reads the same either way.
            List<Object> items = new java.util.ArrayList<>(many);
            items.sort(ITEM_ORDER);
            for (Object item : items) {
                value("", item, indent + "  ", depth, seen);
            }
        } else {
            out.write(indent + label + d(String.valueOf(value)) + "\n");
        }
    }

    /** The derivation beneath a finding or derived fact, once per explanation. */
    private void nested(Object fact, String indent, int depth, Set<Object> seen) throws IOException {
        Trace.Derivation how = trace.derivationOf(fact);
        if (fact instanceof Derived || fact instanceof Violations) {
            String by = how == null || how.rule() == null ? "" : " derived by \"" + how.rule().name() + "\" ("
                    + how.rule().declared().location() + ")";
            out.write(by + (how == null || seen.contains(fact) || depth >= MAX_DEPTH ? "\n" : " from:\n"));
        }
        if (how == null || depth >= MAX_DEPTH) {
            return;
        }
        if (!seen.add(fact)) {
            out.write(indent + "  (explained above)\n");
            return;
        }
        if (fact instanceof Finding && how.rule() != null) {
            out.write(indent + "  by rule \"" + how.rule().name() + "\" (" + how.rule().declared().location() + "), which matched:\n");
        }
        bindings(how.bindings(), indent + "    ", depth + 1, seen);
    }

    /** Findings in report order; facts by kind and id; derived facts by what they name. */
    private static final java.util.Comparator<Object> ITEM_ORDER = (a, b) -> a instanceof Finding fa && b instanceof Finding fb
            ? Finding.ORDER.compare(fa, fb) : sortKey(a).compareTo(sortKey(b));

    private static String sortKey(Object item) {
        if (item instanceof Finding f) {
            return "0 " + f.ruleId();
        }
        if (item instanceof Derived d) {
            return "1 " + summary(d);
        }
        return item instanceof Fact f ? "2 " + f.kind() + " " + f.id() : "3 " + item;
    }

    private static String summary(Derived derived) {
        String parts = derived.basis().stream()
                .map(b -> d(b instanceof Fact f ? f.id() : String.valueOf(b)))
                .collect(Collectors.joining(", "));
        String scope = derived.scope() == null ? "" : d(derived.scope()) + ": ";
        return derived.getClass().getSimpleName() + "(" + scope + parts + ")";
    }

    private void notFired(String ruleId) throws IOException {
        RuleInfo info = catalog.rule(ruleId);
        if (info == null) {
            out.write(ruleId + " is not a rule in the pack\n");
            return;
        }
        out.write(ruleId + "  " + info.descriptor().title() + "  did not fire\n");
        out.write("  rule \"" + info.name() + "\" (" + info.declared().location() + ")\n");
        if (!info.inForceOn(trace.result().asOf())) {
            out.write("  it does not apply on " + trace.result().asOf() + ": in force " + info.descriptor().period() + "\n");
            return;
        }
        java.util.List<dev.covenant.finding.Conduct> outOfReach = trace.facts().stream()
                .filter(f -> f instanceof dev.covenant.engine.FindingBuilder.OutOfReach o && o.rule().equals(info.name()))
                .map(f -> ((dev.covenant.engine.FindingBuilder.OutOfReach) f).conduct()).distinct().toList();
        if (!outOfReach.isEmpty()) {
            out.write("  its conditions matched, but none of its citations governs the conduct it matched:\n");
            for (dev.covenant.finding.Conduct c : outOfReach) {
                out.write("    conduct: " + c.describe() + "\n");
            }
            out.write("  its citations govern:\n");
            for (dev.covenant.finding.Citation c : info.descriptor().citations()) {
                out.write("    " + c + "\n");
            }
            return;
        }
        out.write("  its conditions found no match; what they ask for:\n");
        for (String line : RulePatterns.describe(kieBase.getRule(info.packageName(), info.name()), trace)) {
            out.write("    " + line + "\n");
        }
        out.write("  (the engine reports no more than this: where a type is present, its constraints or joins did not hold)\n");
    }
}
