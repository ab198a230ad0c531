package dev.covenant.model;

/** A document's promise to give {@code days} of notice before a change, from {@code clause}. */
public record ChangeNotice(int days, String clause) {
}
