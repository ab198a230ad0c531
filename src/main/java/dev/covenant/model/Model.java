package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.util.List;

/** An AI model built from practices' data (EU AI Act). */
public record Model(
        String id,
        boolean generalPurpose,
        List<String> trainedBy,
        MarketPlacement placedOnMarket,
        boolean trainingSummaryPublished,
        SourceSpan span) implements Fact {

    public Model {
        trainedBy = List.copyOf(trainedBy);
    }

    @Override
    public String kind() {
        return "model";
    }
}
