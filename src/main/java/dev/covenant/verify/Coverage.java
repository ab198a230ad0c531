package dev.covenant.verify;

import java.util.List;

/** Rule coverage by fixtures: a rule is fully covered when some fixture fires it and some is its near-miss. */
public record Coverage(List<Rule> rules) {

    /** One rule's firing and near-miss fixtures. */
    public record Rule(String id, List<String> firing, List<String> nearMisses) {
        public boolean fullyCovered() {
            return !firing.isEmpty() && !nearMisses.isEmpty();
        }
    }

    public long fullyCovered() {
        return rules.stream().filter(Rule::fullyCovered).count();
    }

    /** Share of rules fully covered, in percent (100 for an empty pack). */
    public double percent() {
        return rules.isEmpty() ? 100.0 : 100.0 * fullyCovered() / rules.size();
    }
}
