package dev.covenant.engine;

import dev.covenant.finding.Severity;
import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.List;

/**
 * A rule's metadata from its annotations. Obligation rules have an id, title, severity and
 * references; classification rules ({@code @derive}) have none and are never reported.
 */
public record RuleInfo(
        String packageName,
        String name,
        SourceSpan declared,
        boolean derive,
        String id,
        String title,
        Severity severity,
        List<dev.covenant.finding.Citation> references,
        String basis,
        String description,
        LocalDate effective,
        LocalDate expires) {

    public RuleInfo {
        references = List.copyOf(references);
    }

    /** The key Drools identifies a rule by: package and name. */
    public String key() {
        return key(packageName, name);
    }

    static String key(String packageName, String name) {
        return packageName + "/" + name;
    }

    /** True when the rule applies to an evaluation as of {@code day} ({@code @effective} ≤ day < {@code @expires}). */
    public boolean inForceOn(LocalDate day) {
        return (effective == null || !day.isBefore(effective)) && (expires == null || day.isBefore(expires));
    }
}
