package dev.covenant.report;

import java.util.Locale;

/**
 * Makes user text safe to show on a terminal or in a document: control characters (terminal escape
 * sequences among them) and bidirectional overrides, which could disguise what a line says, are shown
 * as code points instead.
 */
public final class Inert {

    private Inert() {
    }

    /** Keeps line breaks and tabs; everything else invisible or reordering becomes {@code [U+XXXX]}. */
    public static String block(String text) {
        return text == null ? null : clean(text, false);
    }

    /** As {@link #block}, with line breaks folded to spaces, for one-line fields. */
    public static String line(String text) {
        return text == null ? null : clean(text, true);
    }

    private static String clean(String text, boolean fold) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                s.append(fold ? ' ' : (char) cp);
            } else if (Character.isISOControl(cp) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                    || cp == 0x200E || cp == 0x200F || cp == 0x061C) {
                s.append(String.format(Locale.ROOT, "[U+%04X]", cp));
            } else {
                s.appendCodePoint(cp);
            }
        });
        return s.toString();
    }
}
