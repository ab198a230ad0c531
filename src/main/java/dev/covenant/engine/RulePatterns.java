package dev.covenant.engine;

import java.util.ArrayList;
import java.util.List;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.From;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.definition.rule.Rule;

/**
 * What a rule's conditions ask for, pattern by pattern, with how many facts of each type an evaluation
 * held — the most the engine tells about why a rule did not fire. Reads the compiled rule through
 * Drools' internal model (there is no public API for it); on any surprise it says so instead.
 */
public final class RulePatterns {

    private RulePatterns() {
    }

    /** One line per condition of {@code rule}, counted against {@code trace}'s facts. */
    public static List<String> describe(Rule rule, Trace trace) {
        List<String> lines = new ArrayList<>();
        try {
            GroupElement lhs = ((RuleImpl) rule).getLhs();
            for (RuleConditionElement element : lhs.getChildren()) {
                describe(element, trace, "", lines);
            }
        } catch (RuntimeException | LinkageError e) {
            lines.add("(the engine did not expose this rule's conditions: " + e.getClass().getSimpleName() + ")");
        }
        return lines;
    }

    private static void describe(RuleConditionElement element, Trace trace, String indent, List<String> lines) {
        if (element instanceof Pattern pattern) {
            pattern(pattern, trace, indent, lines);
        } else if (element instanceof GroupElement group) {
            String what = group.isNot() ? "none of these may match:" : group.isExists() ? "at least one of these must match:"
                    : group.isOr() ? "one of these must hold:" : "all of these must hold:";
            lines.add(indent + what);
            for (RuleConditionElement child : group.getChildren()) {
                describe(child, trace, indent + "  ", lines);
            }
        } else if (element instanceof EvalCondition) {
            lines.add(indent + "an eval(...) test");
        } else {
            lines.add(indent + "a " + element.getClass().getSimpleName() + " condition");
        }
    }

    private static void pattern(Pattern pattern, Trace trace, String indent, List<String> lines) {
        Class<?> type = classOf(pattern.getObjectType());
        String name = type == null ? String.valueOf(pattern.getObjectType()) : type.getSimpleName();
        String authored = pattern.getDeclaration() == null ? null : Declarations.authored(pattern.getDeclaration().getIdentifier());
        String bound = authored == null ? "" : "$" + authored.replaceFirst("^\\$", "") + " : ";
        // The executable model turns "from collect" into an accumulate; both read as one.
        RuleConditionElement accumulated = pattern.getSource() instanceof Accumulate accumulate ? accumulate.getSource()
                : pattern.getSource() instanceof Collect collect ? collect.getSourcePattern() : null;
        if (accumulated != null) {
            List<String> inner = new ArrayList<>();
            describe(accumulated, trace, indent + "    ", inner);
            lines.add(indent + bound + name + " accumulated from:");
            lines.addAll(inner);
            return;
        }
        if (pattern.getSource() instanceof From) {
            lines.add(indent + bound + name + " taken from an expression over facts matched earlier");
            return;
        }
        if (type == null) {
            lines.add(indent + bound + name);
            return;
        }
        long present = trace.count(type);
        String hint = present == 0 ? derivedHint(type) : "";
        lines.add(indent + bound + name + " — " + present + " in the session" + hint);
    }

    private static String derivedHint(Class<?> type) {
        return dev.covenant.classify.Derived.class.isAssignableFrom(type)
                ? " (a derived fact: no classification rule derived one)" : " (the scenario has none)";
    }

    private static Class<?> classOf(ObjectType type) {
        return type instanceof ClassObjectType cls ? cls.getClassType() : null;
    }
}
