package dev.covenant.finding;

import dev.covenant.model.LegalGround;
import dev.covenant.model.Period;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a finding's citations are judged against: the conduct it is about. {@code regions} are where the
 * people reached live (the cohorts in the evidence, or a record's member); {@code period} is when the
 * conduct ran (a practice's span closed at {@code as_of}, a record's use date, the day a version was
 * published); {@code grounds} what the practices involved rest on; {@code uses} their data uses.
 */
public record Conduct(Set<String> regions, Period period, Set<LegalGround> grounds, Set<String> uses) {

    public Conduct {
        regions = Set.copyOf(regions);
        grounds = Set.copyOf(grounds);
        uses = Set.copyOf(uses);
    }

    public static Conduct of(Collection<String> regions, Period period, Collection<LegalGround> grounds, Collection<String> uses) {
        return new Conduct(Set.copyOf(regions), period, Set.copyOf(grounds), Set.copyOf(uses));
    }

    /** In the words the catalog uses for citations: where, when, on what ground, for what use. */
    public String describe() {
        List<String> parts = new java.util.ArrayList<>();
        parts.add(regions.isEmpty() ? "no members reached" : "members in " + String.join(", ", new java.util.TreeSet<>(regions)));
        if (period != null) {
            parts.add(period.toString());
        }
        if (!grounds.isEmpty()) {
            parts.add("basis " + String.join(", ", grounds.stream().map(LegalGround::key).sorted().toList()));
        }
        if (!uses.isEmpty()) {
            parts.add("use " + String.join(", ", new java.util.TreeSet<>(uses)));
        }
        return String.join("; ", parts);
    }

    /** Conduct known only by where it reached and when (no practice, so no basis or use). */
    public static Conduct reaching(Collection<String> regions, Period period) {
        return of(regions, period, List.of(), List.of());
    }
}
