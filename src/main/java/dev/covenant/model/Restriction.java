package dev.covenant.model;

import java.util.List;

/** Uses and data categories that a promise forbids; an empty list restricts nothing on that axis. */
public record Restriction(List<String> uses, List<String> categories) {

    public static final Restriction NONE = new Restriction(List.of(), List.of());

    public Restriction {
        uses = List.copyOf(uses);
        categories = List.copyOf(categories);
    }
}
