package dev.covenant.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Makes user text safe to show on a terminal or in a document: control characters (terminal escape
 * sequences among them), bidirectional overrides and Unicode line separators, which could disguise
 * what a line says or start a new one, are shown as code points instead. Each format's writer applies
 * these at the one place it writes user text, then its own escaping (Markdown, SARIF, XML, HTML).
 */
public final class Inert {

    private Inert() {
    }

    /**
     * Keeps line breaks (a carriage return as a newline: on a terminal a bare one returns to the start
     * of the line and overwrites it) and tabs; everything else invisible or reordering becomes {@code [U+XXXX]}.
     */
    public static String block(String text) {
        return text == null ? null : clean(text.replace("\r\n", "\n"), Breaks.KEEP);
    }

    /** As {@link #block}, with line breaks folded to spaces, for one-line fields. */
    public static String line(String text) {
        return text == null ? null : clean(text, Breaks.FOLD);
    }

    /**
     * One datum on one line of a line-oriented output (text reports, JUnit bodies): line breaks shown
     * as {@code \n} and {@code \r}, so a scenario id holding a newline cannot forge a summary line.
     */
    public static String field(String text) {
        return text == null ? null : clean(text, Breaks.SHOW);
    }

    /** True for what {@link #block} replaces: controls other than line breaks and tabs, direction and line-separator marks. */
    public static boolean invisible(int cp) {
        return (Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t')
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0x2028 || cp == 0x2029
                || (cp >= 0xD800 && cp <= 0xDFFF);
    }

    /**
     * A file path as a URI path that no reader takes for anything but a path: every byte of its UTF-8
     * outside the unreserved characters and {@code /} percent-encoded, so {@code javascript:alert(1).yaml}
     * becomes {@code javascript%3Aalert%281%29.yaml} (no scheme), {@code <b>.yaml} and a newline are
     * encoded, and a leading {@code //} (which would name a host) is collapsed to one slash.
     */
    public static String uriPath(String path) {
        String p = path.startsWith("//") ? "/" + path.replaceFirst("^/+", "") : path;
        StringBuilder s = new StringBuilder(p.length());
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                    || c == '~' || c == '/') {
                s.append((char) c);
            } else {
                s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return s.toString();
    }

    private enum Breaks { KEEP, FOLD, SHOW }

    private static String clean(String text, Breaks breaks) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                switch (breaks) {
                    case KEEP -> s.append(cp == '\r' ? '\n' : (char) cp);
                    case FOLD -> s.append(' ');
                    case SHOW -> s.append(cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : "\t");
                }
            } else if (invisible(cp)) {
                s.append(String.format(Locale.ROOT, "[U+%04X]", cp));
            } else {
                s.appendCodePoint(cp);
            }
        });
        return s.toString();
    }
}
