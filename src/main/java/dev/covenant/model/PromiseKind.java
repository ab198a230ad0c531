package dev.covenant.model;

/**
 * A binding contract term, a public statement that can mislead if untrue, or a statement shown where the
 * data is collected (an in-product prompt: "your phone number is used to secure your account").
 */
public enum PromiseKind implements Keyed {
    CONTRACT,
    PUBLIC_STATEMENT,
    COLLECTION_PROMPT;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }

    /**
     * A statement made to members as such (a public statement or a prompt at collection), as opposed to
     * contract terms: the specific statements that control a generic disclosure elsewhere (FTC Policy
     * Statement on Deception, 1983: the net impression counts, fine print does not cure).
     */
    public boolean isSpecificStatement() {
        return this == PUBLIC_STATEMENT || this == COLLECTION_PROMPT;
    }
}
