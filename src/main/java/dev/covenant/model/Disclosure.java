package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A document version's statement that data is used for {@code use}, for {@code categories}
 * (none listed: every category), counting from the version's {@code published} date. What else it tells of the
 * use, as GDPR Art. 13(1)(c) and (e) ask beside the purpose: {@code legalBasis}, the basis it says the use rests
 * on (null: not stated), and {@code recipients}, the categories of recipients it names (empty: none named).
 * The US disclosure rules read the purpose only; the GDPR transparency rules read all three.
 */
public record Disclosure(
        String documentId, String version, String use, List<String> categories, LegalBasis.Kind legalBasis,
        List<Relationship> recipients, LocalDate published, SourceSpan span)
        implements Fact {

    public Disclosure {
        categories = List.copyOf(categories);
        recipients = List.copyOf(recipients);
    }

    /** A disclosure of the purpose only: no basis, no recipients. */
    public Disclosure(String documentId, String version, String use, List<String> categories, LocalDate published, SourceSpan span) {
        this(documentId, version, use, categories, null, List.of(), published, span);
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
                + (legalBasis == null ? "" : ", basis " + legalBasis.key())
                + (recipients.isEmpty() ? "" : ", recipients " + String.join(", ", recipients.stream().map(Relationship::key).toList()))
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

    /**
     * True when this disclosure tells what GDPR Art. 13(1)(c) and (e) (and Art. 14(1)(c) and (e)) ask of the
     * practice's use of {@code category}: the purpose, the legal basis and the recipients.
     */
    public boolean tellsInFull(Practice practice, String category) {
        return covers(practice.use(), category) && missingFor(practice).isEmpty();
    }

    /**
     * What this disclosure leaves out of what a person must be told of {@code practice}, beside its purpose: "the
     * legal basis" (none stated, or another than the practice's), "the recipients (third-party)" (a kind of
     * outside recipient the practice gives data to that it does not name). Empty when it leaves out nothing.
     */
    public List<String> missingFor(Practice practice) {
        List<String> missing = new ArrayList<>();
        if (!statesBasisOf(practice)) {
            missing.add("the legal basis");
        }
        List<String> unnamed = unnamedRecipientsOf(practice);
        if (!unnamed.isEmpty()) {
            missing.add("the recipients (" + String.join(", ", unnamed) + ")");
        }
        return missing;
    }

    /**
     * True when the basis stated is the one the practice relies on. A practice that states none, or rests on a
     * setting (whose ground is the setting's default), is told by any stated basis: whether it has a lawful one
     * is not this reading's question. Consent and a parent's consent are both consent.
     */
    private boolean statesBasisOf(Practice practice) {
        if (legalBasis == null) {
            return false;
        }
        LegalBasis relied = practice.legalBasis();
        if (relied == null || relied.isSetting()) {
            return true;
        }
        return relied.basisKind() == legalBasis || consent(relied.basisKind()) && consent(legalBasis);
    }

    private static boolean consent(LegalBasis.Kind kind) {
        return kind == LegalBasis.Kind.CONSENT || kind == LegalBasis.Kind.PARENTAL_CONSENT;
    }

    /** The kinds of outside recipient the practice gives data to that this disclosure does not name, in order. */
    private List<String> unnamedRecipientsOf(Practice practice) {
        return practice.recipients().stream()
                .map(Recipient::relationship)
                .filter(r -> r.outsidePlatform() && !recipients.contains(r))
                .distinct()
                .map(Relationship::key)
                .toList();
    }
}
