package dev.covenant.classify;

import java.util.List;

/** A fact that classification rules infer from others; evidence shows the facts it rests on. */
public interface Derived {

    List<Object> basis();
}
