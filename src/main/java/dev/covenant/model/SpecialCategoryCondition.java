package dev.covenant.model;

/**
 * A condition of GDPR Art. 9(2) other than explicit consent that a practice on special-category data says it relies
 * on ({@code practices[].special_category_condition}). Art. 9(1) prohibits the processing unless one applies; these are
 * the statute's own exceptions, so a rule honours a stated one (whether it truly applies — often a question of Union
 * or member-state law — is counsel's). Explicit consent, Art. 9(2)(a), is stated on the consent itself
 * ({@link ConsentGiven#explicit}).
 */
public enum SpecialCategoryCondition implements Keyed {
    /** Obligations and rights in employment, social security and social protection law, Art. 9(2)(b). */
    EMPLOYMENT("b"),
    /** Vital interests of a person physically or legally incapable of giving consent, Art. 9(2)(c). */
    VITAL_INTERESTS("c"),
    /** A not-for-profit body's processing about its members or regular contacts, Art. 9(2)(d). */
    NOT_FOR_PROFIT_MEMBERS("d"),
    /** Data the person has manifestly made public, Art. 9(2)(e). */
    MADE_PUBLIC("e"),
    /** Establishment, exercise or defence of legal claims, or courts acting judicially, Art. 9(2)(f). */
    LEGAL_CLAIMS("f"),
    /** Substantial public interest on the basis of Union or member-state law, Art. 9(2)(g). */
    SUBSTANTIAL_PUBLIC_INTEREST("g"),
    /** Preventive or occupational medicine, medical diagnosis, health or social care, Art. 9(2)(h) with 9(3). */
    HEALTH_CARE("h"),
    /** Public interest in the area of public health, Art. 9(2)(i). */
    PUBLIC_HEALTH("i"),
    /** Archiving in the public interest, scientific or historical research or statistics, Art. 9(2)(j) with Art. 89(1). */
    RESEARCH("j");

    private final String point;

    SpecialCategoryCondition(String point) {
        this.point = point;
    }

    /** The provision, for messages: {@code Art. 9(2)(e)}. */
    public String provision() {
        return "Art. 9(2)(" + point + ")";
    }

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }
}
