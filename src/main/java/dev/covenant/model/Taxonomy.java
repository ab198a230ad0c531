package dev.covenant.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Fides privacy taxonomy: hierarchical keys for data categories, data uses and data subjects.
 * A key is within another when it is equal to it or one of its descendants
 * ({@code user.content.private} is within {@code user.content}); rules ask only this question.
 */
public final class Taxonomy {

    private static final Set<String> CATEGORIES = load("data_categories.txt");
    private static final Set<String> USES = load("data_uses.txt");
    private static final Set<String> SUBJECTS = load("data_subjects.txt");

    private Taxonomy() {
    }

    /** True when {@code key} is {@code ancestor} or lies below it in the hierarchy. */
    public static boolean within(String key, String ancestor) {
        return key.equals(ancestor)
                || (key.length() > ancestor.length() && key.startsWith(ancestor) && key.charAt(ancestor.length()) == '.');
    }

    /** True when some key of {@code keys} is within {@code ancestor}. */
    public static boolean anyWithin(Iterable<String> keys, String ancestor) {
        for (String key : keys) {
            if (within(key, ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code key} is within some key of {@code ancestors}. */
    public static boolean withinAny(String key, Iterable<String> ancestors) {
        for (String ancestor : ancestors) {
            if (within(key, ancestor)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isCategory(String key) {
        return CATEGORIES.contains(key);
    }

    public static boolean isUse(String key) {
        return USES.contains(key);
    }

    public static Set<String> categories() {
        return CATEGORIES;
    }

    public static Set<String> uses() {
        return USES;
    }

    public static Set<String> subjects() {
        return SUBJECTS;
    }

    public static boolean isSubject(String key) {
        return SUBJECTS.contains(key);
    }

    /**
     * The one reading of "a use the service needs", for the rules on defaults: a use under Fides {@code essential}
     * ("operate the service or product": security, fraud detection, payment, the service's own operation). Every other
     * use — functional features such as an assistant over stored mail, personalisation, analytics, advertising,
     * AI training, sharing — is one the service can run without, so a default must not decide it for members (GDPR
     * Art. 25(2): by default only the data necessary for each specific purpose).
     */
    public static boolean neededForService(String use) {
        return within(use, "essential");
    }

    private static Set<String> load(String resource) {
        try (InputStream in = Taxonomy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("taxonomy resource missing from the jar: " + resource);
            }
            Set<String> keys = new TreeSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String key = line.strip();
                if (!key.isEmpty() && !key.startsWith("#")) {
                    keys.add(key);
                }
            }
            return Set.copyOf(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
