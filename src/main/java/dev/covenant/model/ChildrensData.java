package dev.covenant.model;

/**
 * One reading of when a child's data is disclosed, for the record rule on children's data (COPPA, and
 * GDPR/UK GDPR Art. 8 beside it). COPPA's "disclosure" (16 C.F.R. § 312.2) is the release of a child's
 * personal information to a third party, or making it publicly available — by a public posting, a pen-pal
 * or e-mail service, a message board or a chat room; a person who provides support for the internal
 * operations of the service, and does not use or disclose the information for any other purpose, is not
 * a third party. So a processor that hosts or delivers for the service discloses nothing; one that uses the
 * data for its own purposes does; so do an affiliate, a third party, the public, and an addressee the
 * child's message reaches (an e-mail or chat service is one of the rule's own examples).
 */
public final class ChildrensData {

    private ChildrensData() {
    }

    /** True when giving a child's data to this recipient is a disclosure (16 C.F.R. § 312.2). */
    public static boolean disclosedTo(Relationship relationship, ProcessorPurpose purpose) {
        if (relationship == null) {
            return false;
        }
        return switch (relationship) {
            case SELF -> false;
            case PROCESSOR -> !ProcessorPurpose.onlyForTheService(purpose);
            case AFFILIATE, THIRD_PARTY, PUBLIC, ADDRESSEE -> true;
        };
    }
}
