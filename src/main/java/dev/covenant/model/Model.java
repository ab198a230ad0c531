package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.util.List;

/** An AI model built from practices' data (EU AI Act; what a model kept means for an opt-out). */
public record Model(
        String id,
        boolean generalPurpose,
        List<String> trainedBy,
        MarketPlacement placedOnMarket,
        boolean trainingSummaryPublished,
        java.time.LocalDate deleted,
        SourceSpan span) implements Fact {

    public Model {
        trainedBy = List.copyOf(trainedBy);
    }

    @Override
    public String describe() {
        return (generalPurpose ? "general-purpose model" : "model") + (trainedBy.isEmpty() ? "" : " trained by " + String.join(", ", trainedBy))
                + (placedOnMarket == null ? "" : "; placed on the market in " + placedOnMarket.region() + " on " + placedOnMarket.date())
                + (trainingSummaryPublished ? "; training summary published" : "; no training summary")
                + (deleted == null ? "" : "; deleted on " + deleted);
    }

    /** True when placed on the EU market (a region within the EEA) on or before {@code asOf}. */
    public boolean onEuMarketBy(java.time.LocalDate asOf) {
        return placedOnMarket != null && Region.within(placedOnMarket.region(), "EEA")
                && !placedOnMarket.date().isAfter(asOf);
    }

    /**
     * Art. 53 applies from 2025-08-02 to models placed on the market from then on, and from
     * 2027-08-02 to models already on the market before (Art. 111(3)).
     */
    public boolean trainingSummaryDueBy(java.time.LocalDate asOf) {
        java.time.LocalDate start = java.time.LocalDate.of(2025, 8, 2);
        java.time.LocalDate legacy = java.time.LocalDate.of(2027, 8, 2);
        return placedOnMarket != null && !asOf.isBefore(placedOnMarket.date().isBefore(start) ? legacy : start);
    }

    /** True when the model is still kept on {@code day}: built from its practices' data and not deleted by then. */
    public boolean keptOn(java.time.LocalDate day) {
        return deleted == null || deleted.isAfter(day);
    }

    /** True when {@code practice}'s data went into this model. */
    public boolean builtFrom(Practice practice) {
        return trainedBy.contains(practice.id());
    }

    @Override
    public FactKind factKind() {
        return FactKind.MODEL;
    }
}
