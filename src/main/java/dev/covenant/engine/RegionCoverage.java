package dev.covenant.engine;

import dev.covenant.model.Cohort;
import dev.covenant.model.Region;
import dev.covenant.model.Scenario;
import dev.covenant.source.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * Warns about member cohorts in a region that no scoped citation of the pack reaches ({@code JP} when the
 * pack cites law for [US], [US-CA], [EEA], [UK] and [CH]): no statute rule can report on those members,
 * which is worth saying rather than leaving the findings quietly fewer. A pack with no scoped citation at
 * all is taken to apply everywhere, and nothing is said.
 */
public final class RegionCoverage {

    private RegionCoverage() {
    }

    public static List<Diagnostic> warnings(Scenario scenario, RuleCatalog catalog) {
        SortedSet<String> scopes = catalog.citationScopes();
        List<Diagnostic> warnings = new ArrayList<>();
        if (scopes.isEmpty()) {
            return warnings;
        }
        for (Cohort cohort : scenario.cohorts()) {
            if (!Region.withinAny(cohort.region(), scopes)) {
                String where = cohort.span().path().isEmpty() ? "cohort '" + cohort.id() + "'"
                        : cohort.span().path() + " (cohort '" + cohort.id() + "')";
                warnings.add(Diagnostic.warning(cohort.span(), where + ": region '" + cohort.region() + "' ("
                        + Region.name(cohort.region()) + ") is outside every citation scope of the rule pack ("
                        + String.join(", ", scopes.stream().map(s -> "[" + s + "]").toList())
                        + "); no rule cites law for these members, so only unscoped rules (contracts, the platform's own"
                        + " statements) can report on them"));
            }
        }
        return warnings;
    }
}
