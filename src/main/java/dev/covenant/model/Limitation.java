package dev.covenant.model;

import java.util.List;

/**
 * A statement's {@code limits_to}: data of {@code categories} is used only for {@code uses}. Both lists are
 * non-empty when a statement carries one; {@link #NONE} (both empty) limits nothing.
 */
public record Limitation(List<String> categories, List<String> uses) {

    public static final Limitation NONE = new Limitation(List.of(), List.of());

    public Limitation {
        categories = List.copyOf(categories);
        uses = List.copyOf(uses);
    }

    public boolean isNone() {
        return categories.isEmpty() && uses.isEmpty();
    }

    /** True when {@code category} is one this limitation speaks of and {@code use} is not among the uses it allows. */
    public boolean bindsAway(String use, String category) {
        return !isNone() && Taxonomy.withinAny(category, categories) && !Taxonomy.withinAny(use, uses);
    }

    @Override
    public String toString() {
        return String.join(", ", categories) + " only for " + String.join(", ", uses);
    }
}
