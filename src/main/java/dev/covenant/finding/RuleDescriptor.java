package dev.covenant.finding;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.List;

/** What a report says about a rule of the pack that produced it (SARIF's rule metadata, HTML's glossary). */
public record RuleDescriptor(String id, String title, Severity severity, String basis, String description,
        List<Citation> citations, SourceSpan declared, LocalDate effective, LocalDate expires) {

    public RuleDescriptor {
        citations = List.copyOf(citations);
    }
}
