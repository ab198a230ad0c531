package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.List;

/**
 * What the platform actually did: a use of data categories, for tiers and regions, over a period. It touches the
 * member cohorts of its tiers and regions unless {@code touchesMembers} is false, and the groups of people who are
 * not members it names in {@code subjects}. {@code consent} says how a claimed consent was obtained (null: not
 * stated, taken as given), {@code balancing} a documented legitimate-interest assessment (null: none stated).
 * {@code specialCategoryCondition} is the GDPR Art. 9(2) condition other than explicit consent it says it relies on
 * (null: none), and {@code infersCharacteristics} whether the scenario says its sensitive personal information is
 * collected or processed for the purpose of inferring characteristics about the people (Cal. Civ. Code § 1798.121(d));
 * null: not stated, read from the use ({@link #readAsInferring}).
 * {@code interception} is how it captures the contents of communications as they are made (null: it does not).
 */
public record Practice(
        String id,
        String use,
        List<String> categories,
        List<String> tiers,
        List<String> regions,
        boolean touchesMembers,
        List<String> subjects,
        List<Recipient> recipients,
        LegalBasis legalBasis,
        ConsentGiven consent,
        Balancing balancing,
        Method objection,
        Method withdrawal,
        LocalDate dataCollectedFrom,
        Period period,
        SpecialCategoryCondition specialCategoryCondition,
        Boolean infersCharacteristics,
        Interception interception,
        SourceSpan span) implements Fact {

    /** A practice that states no Art. 9(2) condition or inference purpose and captures no communications as they are made. */
    public Practice(String id, String use, List<String> categories, List<String> tiers, List<String> regions,
            boolean touchesMembers, List<String> subjects, List<Recipient> recipients, LegalBasis legalBasis,
            ConsentGiven consent, Balancing balancing, Method objection, Method withdrawal, LocalDate dataCollectedFrom,
            Period period, SourceSpan span) {
        this(id, use, categories, tiers, regions, touchesMembers, subjects, recipients, legalBasis, consent, balancing,
                objection, withdrawal, dataCollectedFrom, period, null, null, null, span);
    }

    public Practice {
        categories = List.copyOf(categories);
        tiers = List.copyOf(tiers);
        regions = List.copyOf(regions);
        subjects = List.copyOf(subjects);
        recipients = List.copyOf(recipients);
    }

    @Override
    public FactKind factKind() {
        return FactKind.PRACTICE;
    }

    @Override
    public String describe() {
        return use + " of " + (categories.isEmpty() ? "unspecified data" : String.join(", ", categories))
                + (tiers.isEmpty() ? "" : "; tiers " + String.join(", ", tiers))
                + (regions.isEmpty() ? "" : "; regions " + String.join(", ", regions))
                + "; legal basis " + (legalBasis == null ? "unstated" : legalBasis)
                + "; " + period
                + (interception == null ? "" : "; " + interception.describe());
    }

    /** True when the practice captures the contents of communications in transit or records them. */
    public boolean intercepts() {
        return interception != null;
    }

    public LocalDate started() {
        return period.from();
    }

    /** The practice's period with an open end closed at {@code asOf}. */
    public Period periodAsOf(LocalDate asOf) {
        return period.closedBy(asOf);
    }

    /** True when the practice ran on some day of {@code other} (open ends closed at {@code asOf}). */
    public boolean overlaps(Period other, LocalDate asOf) {
        return period.closedBy(asOf).overlaps(other.closedBy(asOf));
    }

    /** True when the practice's use is {@code key} or a narrower use under it. */
    public boolean hasUse(String key) {
        return Taxonomy.within(use, key);
    }

    /** True when one of the practice's categories is {@code key} or a narrower category under it. */
    public boolean hasCategory(String key) {
        return Taxonomy.anyWithin(categories, key);
    }

    /**
     * True when a data item's use and category are this practice's: the use is the practice's use or narrower,
     * the category one of its categories or narrower. Record rules use it to read what a practice claims of a use.
     */
    public boolean handles(String itemUse, String itemCategory) {
        return Taxonomy.within(itemUse, use) && Taxonomy.withinAny(itemCategory, categories);
    }

    /** The legal basis the practice states, for messages: its key, or "unstated". */
    public String basisStated() {
        return legalBasis == null ? "unstated" : legalBasis.toString();
    }

    /** True when the practice rests on verifiable parental consent (COPPA; GDPR Art. 8), as {@link Consent#parentalBy} reads it. */
    public boolean hasParentalConsent() {
        return Consent.parentalBy(this);
    }

    /**
     * True when the practice's stated legal basis is of this kind ({@code parental-consent}, {@code consent}, ...):
     * what an obligation table's legal-ground column asks of a row's practice. It reads the stated legal_basis only:
     * a setting that defaults off is consent to ConsentBased, not here. A consent not obtained as consent must be
     * ({@link Consent#heldBy}: pre-ticked, bundled, implied, by an administrator ...) is no consent here, and only
     * verifiable parental consent ({@link Consent#parentalBy}) is parental consent.
     */
    public boolean restsOn(String basisKind) {
        if (legalBasis == null) {
            return false;
        }
        if (legalBasis.isExpressConsent()) {
            if (!Consent.heldBy(this)) {
                return false;
            }
            if (basisKind.equals("parental-consent")) {
                return Consent.parentalBy(this);
            }
        }
        // A parent's consent for a child is consent: a row requiring consent is met by it too.
        return legalBasis.basisKind().key().equals(basisKind)
                || basisKind.equals("consent") && legalBasis.basisKind() == LegalBasis.Kind.PARENTAL_CONSENT;
    }

    /** True when the practice claims legitimate interest as its legal basis. */
    public boolean claimsLegitimateInterest() {
        return legalBasis != null && legalBasis.basisKind() == LegalBasis.Kind.LEGITIMATE_INTEREST;
    }

    /** True when a setting governs this practice ({@code legal_basis: setting:<id>}). */
    public boolean governedBy(Setting setting) {
        return legalBasis != null && legalBasis.isSetting() && legalBasis.settingId().equals(setting.id());
    }

    /**
     * A practice reaches a cohort when the cohort's tier is among its tiers (none: all), its region is
     * within one of its regions (none: everywhere), and the cohort had members by the practice's end.
     */
    public boolean reaches(Cohort cohort, LocalDate asOf) {
        LocalDate end = period.closedBy(asOf).to();
        boolean tier = tiers.isEmpty() || tiers.contains(cohort.tier());
        boolean region = Region.withinAny(cohort.region(), regions);
        boolean inTime = end == null || !cohort.joined().from().isAfter(end);
        return touchesMembers && tier && region && inTime && cohort.count() > 0;
    }

    /** A practice touches the people who are not members it names ({@code subjects}), once their data is obtained by its end. */
    public boolean touches(Subject subject, LocalDate asOf) {
        LocalDate end = period.closedBy(asOf).to();
        return subjects.contains(subject.id()) && (end == null || !subject.since().isAfter(end)) && subject.count() > 0;
    }

    /**
     * True when the practice is read as processing data for the purpose of inferring characteristics about the people
     * (Cal. Civ. Code § 1798.121(d), § 1798.140(r): deriving assumptions or conclusions to create a profile reflecting
     * their preferences or characteristics): as the scenario states, else for uses that build such a profile or give
     * the data to others who may — advertising and marketing, personalisation, sale and sharing. Other uses (AI
     * training, analytics, the service itself) are read as inferring only where the scenario says so
     * ({@code infers_characteristics: true}).
     */
    public boolean readAsInferring() {
        if (infersCharacteristics != null) {
            return infersCharacteristics;
        }
        return hasUse("marketing") || hasUse("personalize") || hasUse("third_party_sharing") || hasUse("sales");
    }

    /** The converse of {@link Promise#forbids}, for rules that filter practices. */
    public boolean forbiddenBy(Promise promise) {
        return promise.forbids(this);
    }

    /** The converse of {@link Promise#excludesUseOf}, for rules that filter practices. */
    public boolean excludedBy(Promise statement) {
        return statement.excludesUseOf(this);
    }
}
