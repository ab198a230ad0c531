package dev.covenant.scenario;

import dev.covenant.model.Taxonomy;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Did you mean" hints for taxonomy keys: the key within a small edit distance of what was typed
 * ({@code user.content.privat}), else the key sharing the most informative segments with it
 * ({@code improve.system} → {@code functional.service.improve}).
 */
public final class TaxonomyHints {

    private TaxonomyHints() {
    }

    public static String category(String key) {
        return hint(key, Taxonomy.categories());
    }

    public static String use(String key) {
        return hint(key, Taxonomy.uses());
    }

    static String subject(String key) {
        return hint(key, Taxonomy.subjects());
    }

    private static String hint(String typed, Collection<String> keys) {
        String nearest = nearest(typed, keys);
        return nearest == null ? "" : " (did you mean '" + nearest + "'?)";
    }

    /** The suggested key, or null when nothing is close. */
    static String nearest(String typed, Collection<String> keys) {
        String bySpelling = Suggestions.nearest(typed, keys);
        return bySpelling != null ? bySpelling : bySegments(typed, keys);
    }

    /**
     * Each typed segment that matches a segment of a key (exactly, or one edit away when it has four or
     * more letters) scores by how rare that segment is among the keys, so {@code improve} (in two keys)
     * outweighs {@code system} (in three). Ties go to the key with fewer unmatched segments (the more
     * general one), then to the first in sort order.
     */
    private static String bySegments(String typed, Collection<String> keys) {
        Map<String, Integer> keysWithSegment = new HashMap<>();
        for (String key : keys) {
            segments(key).stream().distinct().forEach(s -> keysWithSegment.merge(s, 1, Integer::sum));
        }
        List<String> wanted = segments(typed);
        String best = null;
        double bestScore = 0;
        int bestExtra = Integer.MAX_VALUE;
        for (String key : keys.stream().sorted().toList()) {
            List<String> own = segments(key);
            double score = 0;
            int matched = 0;
            for (String w : wanted) {
                String match = own.stream().filter(s -> matches(w, s)).findFirst().orElse(null);
                if (match != null) {
                    score += Math.log((double) (keys.size() + 1) / keysWithSegment.get(match));
                    matched++;
                }
            }
            int extra = own.size() - matched;
            if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && score > 0 && extra < bestExtra)) {
                best = key;
                bestScore = score;
                bestExtra = extra;
            }
        }
        return best;
    }

    private static boolean matches(String typed, String segment) {
        return typed.equals(segment) || (typed.length() >= 4 && Suggestions.distance(typed, segment) <= 1);
    }

    /** A key's words: its dot-separated segments, and the words of a segment such as {@code train_ai_system}. */
    private static List<String> segments(String key) {
        return Arrays.stream(key.toLowerCase(java.util.Locale.ROOT).split("[._\\-\\s]+")).filter(s -> !s.isEmpty()).toList();
    }
}
