package dev.covenant.records;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a record rule inserts when it fires: the rule, the record, and what it was held against (a
 * setting's state, a promise). Metadata (id, severity, citations) is resolved from the catalog
 * afterwards, so a consequence stays one call: {@code flag(kcontext, $record, $setting);}.
 */
public record RecordFinding(Rule rule, UseRecord record, Object against) {

    public static void flag(RuleContext kcontext, UseRecord record) {
        flag(kcontext, record, null);
    }

    public static void flag(RuleContext kcontext, UseRecord record, Object against) {
        kcontext.getKieRuntime().insert(new RecordFinding(kcontext.getRule(), record, against));
    }
}
