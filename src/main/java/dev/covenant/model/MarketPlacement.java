package dev.covenant.model;

import java.time.LocalDate;

/** Where and when an AI model was placed on a market. */
public record MarketPlacement(String region, LocalDate date) {
}
