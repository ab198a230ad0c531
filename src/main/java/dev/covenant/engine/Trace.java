package dev.covenant.engine;

import dev.covenant.finding.ScenarioResult;
import java.util.List;
import java.util.Map;

/**
 * An evaluation recorded for explanation: the result, which rule inserted each finding and derived
 * fact with what it had matched, and every fact in the session at the end.
 */
public record Trace(ScenarioResult result, Map<Object, Derivation> derivations, List<Object> facts) {

    /** The rule firing that inserted a fact, and the values its declarations were bound to. */
    public record Derivation(RuleInfo rule, Map<String, Object> bindings) {
    }

    /** How a finding or derived fact came about, or null for a fact read from the scenario. */
    public Derivation derivationOf(Object fact) {
        return derivations.get(fact);
    }

    /** How many facts of {@code type} the session held at the end. */
    public long count(Class<?> type) {
        return facts.stream().filter(type::isInstance).count();
    }
}
