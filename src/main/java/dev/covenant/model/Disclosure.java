package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.List;

/**
 * A document version's statement that data is used for {@code use}, for {@code categories}
 * (none listed: every category), counting from the version's {@code published} date.
 */
public record Disclosure(
        String documentId, String version, String use, List<String> categories, LocalDate published, SourceSpan span)
        implements Fact {

    public Disclosure {
        categories = List.copyOf(categories);
    }

    @Override
    public String id() {
        return documentId + "@" + version + ":" + use;
    }

    @Override
    public FactKind factKind() {
        return FactKind.DISCLOSURE;
    }

    @Override
    public String describe() {
        return "discloses " + use + " of " + (categories.isEmpty() ? "any category" : String.join(", ", categories))
                + ", published " + published;
    }

    /** True when the version carrying this disclosure was published on or before {@code day}. */
    public boolean publishedBy(LocalDate day) {
        return !published.isAfter(day);
    }

    public boolean publishedAfter(LocalDate day) {
        return published.isAfter(day);
    }

    /** Orders disclosures by publication, then id, so "the first disclosure" is always one disclosure. */
    public boolean earlierThan(Disclosure other) {
        int byDate = published.compareTo(other.published);
        return byDate < 0 || (byDate == 0 && id().compareTo(other.id()) < 0);
    }

    /** True when this disclosure tells members of {@code practiceUse} applied to {@code category}. */
    public boolean covers(String practiceUse, String category) {
        return Taxonomy.within(practiceUse, use)
                && (categories.isEmpty() || Taxonomy.withinAny(category, categories));
    }
}
