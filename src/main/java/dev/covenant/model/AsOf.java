package dev.covenant.model;

/** The date an evaluation speaks for: it decides which laws apply and closes open periods. */
public record AsOf(java.time.LocalDate date) {
}
