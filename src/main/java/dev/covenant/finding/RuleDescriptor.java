package dev.covenant.finding;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.List;

/**
 * An obligation rule's metadata, read once when its pack compiles: what findings carry (id, title,
 * severity, basis, the citations that reach them, exposure), what the catalog, SARIF's rule metadata
 * and HTML's glossary show, and what the record audit and its Spark job report. {@code exposure} is
 * null for rules that state none; {@code effective}/{@code expires} bound when the rule applies; {@code reading}
 * is the rule's reading of the law for counsel ({@link LegalReading#NONE} when it states none); {@code message}
 * is its {@code @message} (null when the consequence writes the message) and {@code cites} its {@code @cite}
 * templates, the citations that come from the facts (a promise's own clause).
 */
public record RuleDescriptor(String id, String title, Severity severity, String basis, String description,
        List<Citation> citations, SourceSpan declared, LocalDate effective, LocalDate expires, ExposureFormula exposure,
        LegalReading reading, MessageTemplate message, List<MessageTemplate> cites) {

    public RuleDescriptor {
        citations = List.copyOf(citations);
        reading = reading == null ? LegalReading.NONE : reading;
        cites = cites == null ? List.of() : List.copyOf(cites);
    }

    /** A rule whose consequence writes its own message and citations. */
    public RuleDescriptor(String id, String title, Severity severity, String basis, String description,
            List<Citation> citations, SourceSpan declared, LocalDate effective, LocalDate expires, ExposureFormula exposure,
            LegalReading reading) {
        this(id, title, severity, basis, description, citations, declared, effective, expires, exposure, reading, null, List.of());
    }

    /** A rule that states no reading of the law. */
    public RuleDescriptor(String id, String title, Severity severity, String basis, String description,
            List<Citation> citations, SourceSpan declared, LocalDate effective, LocalDate expires, ExposureFormula exposure) {
        this(id, title, severity, basis, description, citations, declared, effective, expires, exposure, LegalReading.NONE);
    }

    /**
     * The texts of the citations that govern {@code conduct}, in written order: the one decision of which law
     * a finding cites (see {@link Citation#appliesTo}). Empty means the rule does not fire for this conduct.
     */
    public List<String> citationsFor(Conduct conduct) {
        return citationsGoverning(conduct).stream().map(Citation::text).toList();
    }

    /** The citations themselves that govern {@code conduct}, for a caller that also needs their scopes. */
    public List<Citation> citationsGoverning(Conduct conduct) {
        return citations.stream().filter(c -> c.appliesTo(conduct)).toList();
    }

    /** When the rule applies ("from 2020-01-01", "from ... until ...", " until ..."), or null when always. */
    public String period() {
        if (effective == null && expires == null) {
            return null;
        }
        return (effective == null ? "" : "from " + effective) + (expires == null ? "" : " until " + expires);
    }
}
