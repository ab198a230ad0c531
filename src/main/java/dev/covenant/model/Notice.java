package dev.covenant.model;

import java.time.LocalDate;

/** How and when members were told about a document version. */
public record Notice(String channel, LocalDate sent) {
}
