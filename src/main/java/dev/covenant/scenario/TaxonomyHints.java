package dev.covenant.scenario;

import dev.covenant.model.Taxonomy;

/** "Did you mean" hints for taxonomy keys. */
final class TaxonomyHints {

    private TaxonomyHints() {
    }

    static String category(String key) {
        return Suggestions.didYouMean(key, Taxonomy.categories());
    }

    static String use(String key) {
        return Suggestions.didYouMean(key, Taxonomy.uses());
    }
}
