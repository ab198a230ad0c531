package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.util.List;

/**
 * A contractual or public commitment. {@code forbids} names uses and categories the platform
 * promised not to combine; {@code excludedRegions} with {@code uses} says where a use is not made.
 */
public record Promise(
        String id,
        String source,
        PromiseKind promiseKind,
        List<String> tiers,
        Restriction forbids,
        List<String> excludedRegions,
        List<String> uses,
        Period period,
        SourceSpan span) implements Fact {

    public Promise {
        tiers = List.copyOf(tiers);
        excludedRegions = List.copyOf(excludedRegions);
        uses = List.copyOf(uses);
    }

    @Override
    public String kind() {
        return "promise";
    }

    /** No {@code tiers} means the promise is made to every tier. */
    public boolean coversTier(String tier) {
        return tiers.isEmpty() || tiers.contains(tier);
    }
}
