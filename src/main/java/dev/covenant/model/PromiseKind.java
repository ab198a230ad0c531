package dev.covenant.model;

/** A binding contract term, or a public statement that can mislead if untrue. */
public enum PromiseKind implements Keyed {
    CONTRACT,
    PUBLIC_STATEMENT;

    @Override
    public String key() {
        return Keyed.keyOf(this);
    }
}
