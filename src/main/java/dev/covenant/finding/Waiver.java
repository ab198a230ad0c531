package dev.covenant.finding;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * An accepted risk: findings of {@code ruleId} in scenarios whose id matches {@code scenario} (an id or a
 * glob with {@code *} and {@code ?}) are reported as waived until {@code expires}, with who approved them
 * and why.
 */
public record Waiver(String ruleId, String scenario, String justification, String approver, LocalDate created,
        LocalDate expires, SourceSpan span) {

    /** True when this waiver names the rule and its scenario pattern matches the scenario id. */
    public boolean covers(String findingRuleId, String scenarioId) {
        return ruleId.equals(findingRuleId) && scenarioId != null && glob(scenario).matcher(scenarioId).matches();
    }

    /** True when the waiver still applies on {@code day} (it expires at the end of its expiry date). */
    public boolean inForceOn(LocalDate day) {
        return !day.isAfter(expires);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
