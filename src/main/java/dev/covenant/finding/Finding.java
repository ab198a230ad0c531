package dev.covenant.finding;

import dev.covenant.source.SourceSpan;
import java.util.Comparator;
import java.util.List;

/**
 * One obligation a scenario appears to breach: an issue for counsel to review, not a legal conclusion.
 * {@code evidence} lists the facts the rule matched, the primary one first; {@code restsOn} names the
 * findings a chained rule was derived from; {@code regions} are the regions of the member cohorts
 * in its evidence; {@code subject} is the fact it is about (for chained rules; not rendered); {@code lawOf} the
 * regions of the scoped citations it cites (for chained rules; not rendered); {@code conduct} the days of the conduct
 * its citations were judged against, closed at {@code as_of} (for chained rules: the days an order was broken; not
 * rendered; null when built outside the engine).
 */
public record Finding(
        String ruleId,
        String title,
        Severity severity,
        String basis,
        List<String> citations,
        String message,
        List<Evidence> evidence,
        Exposure exposure,
        List<FindingRef> restsOn,
        List<String> regions,
        Object subject,
        Review review,
        List<String> lawOf,
        dev.covenant.model.Period conduct) {

    /** Scenario output order: severity, then rule id, then the primary evidence's position. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.primary() == null ? "" : f.primary().file())
            .thenComparingInt(f -> f.primary() == null ? 0 : f.primary().line())
            .thenComparingInt(f -> f.primary() == null ? 0 : f.primary().column())
            .thenComparing(Finding::message);

    public Finding {
        citations = List.copyOf(citations);
        evidence = List.copyOf(evidence);
        restsOn = List.copyOf(restsOn);
        regions = List.copyOf(regions);
        review = review == null ? Review.NONE : review;
        lawOf = lawOf == null ? List.of() : List.copyOf(lawOf);
    }

    /** A finding whose citations name no region's law (built outside the engine: tests, renderers). */
    public Finding(String ruleId, String title, Severity severity, String basis, List<String> citations, String message,
            List<Evidence> evidence, Exposure exposure, List<FindingRef> restsOn, List<String> regions, Object subject, Review review) {
        this(ruleId, title, severity, basis, citations, message, evidence, exposure, restsOn, regions, subject, review, List.of(), null);
    }

    public Finding withReview(Review value) {
        return new Finding(ruleId, title, severity, basis, citations, message, evidence, exposure, restsOn, regions, subject, value, lawOf, conduct);
    }

    /**
     * True when the finding cites the law of a region that {@code region} lies within (its applied citations
     * scoped to {@code US} or {@code US-CA}, say, for {@code US-CA}): a chained rule borrows only a violation of
     * law that governs the people there, not one of another jurisdiction's law that happens to reach them too.
     */
    public boolean citesLawOf(String region) {
        return lawOf.stream().anyMatch(scope -> dev.covenant.model.Region.within(region, scope));
    }

    /** True when the members in this finding's evidence include some within {@code container} (e.g. US-CA). */
    public boolean reaches(String container) {
        return regions.stream().anyMatch(r -> dev.covenant.model.Region.within(r, container));
    }

    /**
     * True when the finding cites the FTC Act's deception clause, 15 U.S.C. § 45(a)(1), for conduct toward consumers
     * (a broken statement, an undisclosed use, a retroactive change): the misrepresentation of privacy that a prior
     * order forbids (PRIOR-ORDER-VIOLATION).
     */
    public boolean deceives() {
        return citations.stream().anyMatch(c -> c.startsWith("15 U.S.C. § 45(a)(1)"));
    }

    /**
     * For a chained rule's message: the ids of the rules of {@code findings} (gathered with this one, in the engine's
     * matching order, which differs between a compiled and a cached pack), sorted, each once.
     */
    public List<String> ruleIdsOf(java.util.Collection<?> findings) {
        return findings.stream().filter(Finding.class::isInstance).map(f -> ((Finding) f).ruleId()).distinct().sorted().toList();
    }

    /** True when some day of this finding's conduct (closed at {@code asOf}) falls within {@code term} (an order's). */
    public boolean conductWithin(dev.covenant.model.Period term, java.time.LocalDate asOf) {
        return conduct != null && conduct.knownBy(asOf).overlaps(term.closedBy(asOf));
    }

    /** The conduct periods of {@code findings}, each as its finding judged it (the engine's order does not matter to a sum). */
    public static List<dev.covenant.model.Period> conductsOf(java.util.Collection<?> findings) {
        return findings.stream().filter(Finding.class::isInstance).map(f -> ((Finding) f).conduct())
                .filter(java.util.Objects::nonNull).toList();
    }

    /** A total order on findings, so that chained rules can pick one representative of a group. */
    public boolean precedes(Finding other) {
        return ORDER.compare(this, other) < 0;
    }

    /** Where the finding points: the first evidence. */
    public SourceSpan primary() {
        return evidence.isEmpty() ? null : evidence.get(0).span();
    }

    /**
     * A short reference to a finding that another finding rests on: its rule, the kind (display label)
     * and id of the fact it is about ({@code practice 'genai-training'}; null when it is about none), where
     * that finding points, and its message. Two findings of one rule about one fact (one per data
     * category, say) differ by their message, which reports print beside the label.
     */
    public record FindingRef(String ruleId, String subjectKind, String subjectId, SourceSpan at, String message) {

        /** A reference without a subject. */
        public FindingRef(String ruleId, SourceSpan at, String message) {
            this(ruleId, null, null, at, message);
        }

        /** The rule and its subject, as reports name the finding: {@code SCA-DISCLOSURE on practice 'genai-training'}. */
        public String label() {
            return subjectId == null ? ruleId : ruleId + " on " + subjectKind + " '" + subjectId + "'";
        }
    }

    public FindingRef ref() {
        return subject instanceof dev.covenant.model.Fact fact
                ? new FindingRef(ruleId, fact.kind(), fact.id(), primary(), message)
                : new FindingRef(ruleId, primary(), message);
    }
}
