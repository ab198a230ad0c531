package dev.covenant.records;

import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a record rule inserts when it fires: the rule, the record, what it was held against (a setting's
 * state, a promise), and any citations that depend on the facts (as a scenario finding's {@code cite}).
 * The rule's own metadata (id, severity, citations) is resolved from the catalog afterwards, so a
 * consequence stays one call: {@code flag(kcontext, $record, $setting);}.
 */
public record RecordFinding(Rule rule, UseRecord record, Object against, List<String> citing) {

    public RecordFinding {
        citing = List.copyOf(citing);
    }

    public static void flag(RuleContext kcontext, UseRecord record) {
        flag(kcontext, record, null);
    }

    public static void flag(RuleContext kcontext, UseRecord record, Object against) {
        flag(kcontext, record, against, List.of());
    }

    /** Flags the record, citing also {@code citing} (e.g. the subsection of a statute that binds the platform). */
    public static void flag(RuleContext kcontext, UseRecord record, Object against, List<String> citing) {
        kcontext.getKieRuntime().insert(new RecordFinding(kcontext.getRule(), record, against, citing));
    }
}
