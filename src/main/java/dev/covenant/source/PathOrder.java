package dev.covenant.source;

import java.util.Comparator;

/** Orders file paths segment by segment: the order a sorted recursive walk visits them in. */
public final class PathOrder {

    public static final Comparator<String> SEGMENTS = (a, b) -> {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private PathOrder() {
    }
}
