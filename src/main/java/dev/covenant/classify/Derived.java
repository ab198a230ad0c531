package dev.covenant.classify;

import java.util.List;

/** A fact that classification rules infer from others; evidence shows the facts it rests on. */
public interface Derived {

    List<Object> basis();

    /** What the fact is scoped to beyond its basis (an audience's region), for explanations; null when nothing. */
    default String scope() {
        return null;
    }
}
