package dev.covenant.model;

import java.time.LocalDate;

/**
 * A legitimate-interest assessment the controller documented for a practice ({@code practices[].balancing}): when it
 * was assessed and what it says. Documentation only: no rule weighs the interests of GDPR Art. 6(1)(f).
 */
public record Balancing(LocalDate assessed, String note) {

    @Override
    public String toString() {
        return "balancing assessed " + assessed;
    }
}
