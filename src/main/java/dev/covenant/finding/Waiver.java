package dev.covenant.finding;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;

/**
 * An accepted risk: findings of {@code ruleId} in scenarios whose id matches {@code scenario} (an id or a
 * glob with {@code *} and {@code ?}) are reported as waived until {@code expires}, with who approved them
 * and why.
 */
public record Waiver(String ruleId, String scenario, String justification, String approver, LocalDate created,
        LocalDate expires, SourceSpan span) {

    /** True when this waiver names the rule and its scenario pattern matches the scenario id. */
    public boolean covers(String findingRuleId, String scenarioId) {
        return ruleId.equals(findingRuleId) && scenarioId != null && globMatches(scenario, scenarioId);
    }

    /** True when the waiver still applies on {@code day} (it expires at the end of its expiry date). */
    public boolean inForceOn(LocalDate day) {
        return !day.isAfter(expires);
    }

    /**
     * Glob matching ({@code *} any run, {@code ?} one character) by the classic two-pointer walk that
     * remembers only the last {@code *}: at worst pattern length × id length steps. A regular expression
     * built from the glob backtracked exponentially on patterns such as {@code *a*a*a*a*b} (100 s for one id).
     */
    static boolean globMatches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
