package dev.covenant.classify;

import java.util.List;

/** A fact that classification rules infer from others; evidence shows the facts it rests on. */
public interface Derived {

    List<Object> basis();

    /** A basis: {@code facts} named one by one, then every element of {@code many} (an audience's cohorts). */
    static List<Object> basis(java.util.Collection<?> many, Object... facts) {
        List<Object> basis = new java.util.ArrayList<>(List.of(facts));
        basis.addAll(many);
        return basis;
    }

    /** What the fact is scoped to beyond its basis (an audience's region), for explanations; null when nothing. */
    default String scope() {
        return null;
    }
}
