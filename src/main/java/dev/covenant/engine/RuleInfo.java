package dev.covenant.engine;

import dev.covenant.finding.RuleDescriptor;
import dev.covenant.source.SourceSpan;
import java.time.LocalDate;

/**
 * A compiled rule as the engine knows it: where it is declared, whether it only derives facts, when it
 * applies, and — for an obligation rule — its {@link RuleDescriptor}, which is all a report says about it.
 * Classification rules ({@code @derive}) have no descriptor and are never reported.
 */
public record RuleInfo(
        String packageName,
        String name,
        SourceSpan declared,
        boolean derive,
        LocalDate effective,
        LocalDate expires,
        RuleDescriptor descriptor) {

    /** The key Drools identifies a rule by: package and name. */
    public String key() {
        return key(packageName, name);
    }

    static String key(String packageName, String name) {
        return packageName + "/" + name;
    }

    /** The obligation rule's id, or null for a classification rule. */
    public String id() {
        return descriptor == null ? null : descriptor.id();
    }

    /** True when the rule applies to an evaluation as of {@code day} ({@code @effective} ≤ day < {@code @expires}). */
    public boolean inForceOn(LocalDate day) {
        return (effective == null || !day.isBefore(effective)) && (expires == null || day.isBefore(expires));
    }
}
