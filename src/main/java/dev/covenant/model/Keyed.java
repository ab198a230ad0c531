package dev.covenant.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enumeration written in scenarios by a lower-case key such as {@code third-party}. */
public interface Keyed {

    String key();

    static <E extends Enum<E> & Keyed> Optional<E> parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.key().equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static <E extends Enum<E> & Keyed> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyed::key).collect(Collectors.joining(" | "));
    }

    static String keyOf(Enum<?> e) {
        return KEYS.computeIfAbsent(e, k -> k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    /** Keys are asked for on hot paths; compute each once. */
    java.util.Map<Enum<?>, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();
}
