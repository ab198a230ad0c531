package dev.covenant.engine;

import dev.covenant.classify.Audience;
import dev.covenant.model.Region;
import dev.covenant.model.Taxonomy;
import dev.covenant.scenario.RegionHints;
import dev.covenant.scenario.TaxonomyHints;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a rule writes in its conditions that the scenario format also knows: a region
 * ({@code region == "US-CA"}, {@code inRegion("EEA")}), a data category ({@code hasCategory("user.childrens")}),
 * a data use ({@code hasUse("train_ai_system")}, {@code enablesUse(...)}). A misspelt one compiles and then never
 * matches, so it is a diagnostic at the value, with the nearest valid one — what a table's cells get
 * ({@link DecisionTables}), for {@code .drl} files.
 */
final class LiteralLint {

    private enum Kind { REGION, CATEGORY, USE }

    private static final Map<Pattern, Kind> LITERALS = Map.of(
            Pattern.compile("\\bregion\\s*==\\s*\"([^\"]*)\""), Kind.REGION,
            Pattern.compile("\\binRegion\\(\\s*\"([^\"]*)\"\\s*\\)"), Kind.REGION,
            Pattern.compile("\\bhasCategory\\(\\s*\"([^\"]*)\"\\s*\\)"), Kind.CATEGORY,
            Pattern.compile("\\b(?:hasUse|enablesUse)\\(\\s*\"([^\"]*)\"\\s*\\)"), Kind.USE);

    private LiteralLint() {
    }

    static List<Diagnostic> check(RuleSources sources) {
        List<Diagnostic> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : sources.files().entrySet()) {
            if (sources.tables().containsKey(file.getKey())) {
                continue; // a table's cells are checked where they are written
            }
            String text = ConsequenceLint.withoutComments(file.getValue());
            for (Map.Entry<Pattern, Kind> literal : LITERALS.entrySet()) {
                Matcher m = literal.getKey().matcher(text);
                while (m.find()) {
                    String problem = problem(literal.getValue(), m.group(1));
                    if (problem != null) {
                        problems.add(new Diagnostic(SourceSpan.atOffset(sources.display(file.getKey()), text, m.start(1) - 1), problem));
                    }
                }
            }
        }
        return problems;
    }

    private static String problem(Kind kind, String value) {
        return switch (kind) {
            case REGION -> Region.isValid(value) || value.equals(Audience.ANYWHERE) ? null
                    : "'" + value + "' is not a region (ISO 3166 country, US-xx state, EU, EEA or UK, or \"" + Audience.ANYWHERE
                            + "\" for an audience)" + RegionHints.unknown(value) + "; the condition would never match";
            case CATEGORY -> Taxonomy.isCategory(value) ? null
                    : "'" + value + "' is not a Fides data category" + TaxonomyHints.category(value) + "; the condition would never match";
            case USE -> Taxonomy.isUse(value) ? null
                    : "'" + value + "' is not a Fides data use" + TaxonomyHints.use(value) + "; the condition would never match";
        };
    }
}
