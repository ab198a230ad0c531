package dev.covenant.catalog;

import dev.covenant.report.Json;
import dev.covenant.report.JsonRenderer;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.covenant.engine.RuleCatalog;
import dev.covenant.model.Sensitive;
import dev.covenant.finding.Citation;
import dev.covenant.finding.LegalReading;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.verify.FixtureRun;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule catalog of a compiled pack, as text, JSON or Markdown. The Markdown form, with the
 * fixtures that exercise each rule, is {@code docs/rules.md}; a test keeps the two in agreement.
 */
public final class RuleCatalogWriter {

    public static final Set<String> FORMATS = Set.of("text", "json", "markdown");

    private RuleCatalogWriter() {
    }

    public static void write(String format, RuleCatalog catalog, FixtureRun fixtures, Writer out) throws IOException {
        write(format, catalog, null, fixtures, out);
    }

    /** The catalog of a pack and, when {@code records} is not null, of its record rules ({@code rules/records}). */
    public static void write(String format, RuleCatalog catalog, RuleCatalog records, FixtureRun fixtures, Writer out) throws IOException {
        write(format, catalog, records, fixtures, Regimes.NONE, out);
    }

    /** As above, with the pack's {@link Regimes}: Markdown says, per regime, which rules cite its law and what the pack leaves out. */
    public static void write(String format, RuleCatalog catalog, RuleCatalog records, FixtureRun fixtures, Regimes regimes,
            Writer out) throws IOException {
        switch (format) {
            case "text" -> {
                text(catalog.obligations(), out);
                if (records != null) {
                    out.write("\nrecord rules (covenant audit):\n");
                    text(records.obligations(), out);
                }
            }
            case "json" -> json(catalog.obligations(), records == null ? null : records.obligations(), fixtures, out);
            case "markdown" -> markdown(catalog, records, fixtures, regimes, out);
            default -> throw new IllegalArgumentException("unknown catalog format " + format);
        }
    }

    private static void text(List<RuleDescriptor> rules, Writer out) throws IOException {
        for (RuleDescriptor r : rules) {
            out.write(String.format(java.util.Locale.ROOT, "%-26s %-8s %s%n", r.id(), r.severity().key(), r.title()));
            out.write("    cites: " + r.citations().stream().map(Citation::toString).collect(Collectors.joining("; ")) + "\n");
            if (r.effective() != null || r.expires() != null) {
                out.write("    applies: " + r.period() + "\n");
            }
            // Terse: the theory only; the elements, exceptions and limits are in the JSON and Markdown forms.
            if (r.reading().theory() != null) {
                out.write("    theory: " + r.reading().theory() + "\n");
            }
            out.write("    defined at: " + r.declared().location() + "\n");
        }
    }

    /** The catalog as JSON ({@code covenant rules --format json}, {@code GET /v1/rules}); fixtures may be null. */
    public static void json(List<RuleDescriptor> rules, FixtureRun fixtures, Writer out) throws IOException {
        json(rules, null, fixtures, out);
    }

    private static void json(List<RuleDescriptor> rules, List<RuleDescriptor> records, FixtureRun fixtures, Writer out) throws IOException {
        Json.pretty(new CatalogJson(JsonRenderer.SCHEMA_VERSION, rules.stream().map(r -> RuleJson.of(r, fixtures)).toList(),
                records == null ? null : records.stream().map(r -> RuleJson.of(r, null)).toList()), out);
    }

    record CatalogJson(String schemaVersion, List<RuleJson> rules,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<RuleJson> recordRules) {
    }

    /** One rule; its reading of the law only as far as it states one; the fixture lists only when fixtures were run. */
    record RuleJson(String id, String title, String severity, String basis, String description, List<CitationJson> citations,
            String effective, String expires,
            @JsonInclude(JsonInclude.Include.NON_NULL) String theory,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> elements,
            @JsonInclude(JsonInclude.Include.NON_NULL) String exceptions,
            @JsonInclude(JsonInclude.Include.NON_NULL) String notCovered,
            String file, int line,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> firingFixtures,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> nearMissFixtures) {

        static RuleJson of(RuleDescriptor r, FixtureRun fixtures) {
            return new RuleJson(r.id(), r.title(), r.severity().key(), r.basis(), r.description(),
                    r.citations().stream().map(CitationJson::of).toList(),
                    r.effective() == null ? null : r.effective().toString(), r.expires() == null ? null : r.expires().toString(),
                    r.reading().theory(), r.reading().elements(), r.reading().exceptions(), r.reading().notCovered(),
                    r.declared().file(), r.declared().line(), fixtures == null ? null : fixtures.firing(r.id()),
                    fixtures == null ? null : fixtures.nearMisses(r.id()));
        }
    }

    /** A citation and the conduct it governs: {@code appliesTo} is its region; the rest are absent when unconditioned. */
    record CitationJson(String text, String appliesTo,
            @JsonInclude(JsonInclude.Include.NON_NULL) String inForceFrom,
            @JsonInclude(JsonInclude.Include.NON_NULL) String inForceTo,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> basis,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean basisExcluded,
            @JsonInclude(JsonInclude.Include.NON_NULL) String use) {

        static CitationJson of(Citation c) {
            return new CitationJson(c.text(), c.scope(), c.from() == null ? null : c.from().toString(),
                    c.to() == null ? null : c.to().toString(),
                    c.grounds().stream().map(dev.covenant.model.LegalGround::key).sorted().toList(), c.groundsExcluded(), c.use());
        }
    }

    private static void markdown(RuleCatalog catalog, RuleCatalog records, FixtureRun fixtures, Regimes regimes, Writer out)
            throws IOException {
        List<RuleDescriptor> rules = catalog.obligations();
        out.write("# Rule catalog\n\n");
        out.write("Generated from the rule pack by `./covenant rules --format markdown > docs/rules.md`;"
                + " a test fails when this page and the pack disagree.\n");
        out.write("Findings are issues for counsel to review, not legal advice. Each citation says the conduct it governs:"
                + " one marked with a region applies only when the finding reaches people there; one with a period only to"
                + " conduct overlapping it (a practice's span, closed at `as_of`; a record's use date) — a statute's operative"
                + " date, a renumbering, the date of a precedent or guidance; one with a basis only to practices resting on"
                + " that ground (a setting that defaults on is an `opt-out`, one that defaults off is `consent`). A rule none"
                + " of whose citations governs the conduct does not fire. Each rule's legal reading states the theory it rests on,"
                + " the elements that must be shown (each with the facts the rule reads), the exceptions it honours and what it"
                + " does not decide, so counsel can check the pack's reading of the law.\n\n");
        markdownRules(rules, fixtures, out);
        if (!regimes.regimes().isEmpty()) {
            markdownRegimes(rules, regimes, out);
        }
        markdownSensitive(out);
        if (records != null) {
            out.write("\n# Record rules\n\n");
            out.write("The record pack (`rules/records/`), judged by `covenant audit` and the Spark job one data-use record at a"
                    + " time against the member's setting on the use date (docs/records.md). Its fixtures are the `fires-` and"
                    + " `near-` rows of `fixtures/records/`; a record finding's conduct is its one use, on its day, where the"
                    + " member lives.\n\n");
            markdownRules(records.obligations(), null, out);
        }
    }

    private static void markdownRules(List<RuleDescriptor> rules, FixtureRun fixtures, Writer out) throws IOException {
        out.write("| id | severity | title |\n|---|---|---|\n");
        for (RuleDescriptor r : rules) {
            out.write("| [" + r.id() + "](#" + r.id().toLowerCase(java.util.Locale.ROOT) + ") | " + r.severity().key()
                    + " | " + cell(r.title()) + " |\n");
        }
        for (RuleDescriptor r : rules) {
            out.write("\n## " + r.id() + "\n\n");
            out.write("**" + r.title() + "** — " + r.severity().key() + (r.basis() == null ? "" : ", " + r.basis()) + "\n\n");
            if (r.description() != null) {
                out.write("Fires when: " + r.description() + "\n\n");
            }
            out.write("Citations:\n");
            for (Citation c : r.citations()) {
                out.write("- " + c.text() + (c.conditions() == null ? "" : " — " + c.conditions()) + "\n");
            }
            out.write("\n");
            legalReading(r.reading(), out);
            if (r.effective() != null || r.expires() != null) {
                out.write("Applies: " + r.period() + "\n\n");
            }
            // A table's row is named by its cell, as spreadsheets name it.
            out.write("Defined in `" + r.declared().file() + "` " + (r.declared().isCell() ? "cell " + r.declared().path()
                    : "line " + r.declared().line()) + ".\n");
            if (fixtures != null) {
                out.write("\nFires in: " + links(fixtures.firing(r.id())) + "\n\n");
                out.write("Near-misses: " + links(fixtures.nearMisses(r.id())) + "\n");
            }
        }
    }

    /** Per regime, the rules that cite its law (computed from the pack) and what the pack does not cover there (stated). */
    private static void markdownRegimes(List<RuleDescriptor> rules, Regimes regimes, Writer out) throws IOException {
        out.write("\n# Coverage by regime\n\n");
        out.write("The law the pack cites, by the region its citations are scoped to, and what it does not cover there"
                + " (stated by the pack's authors in `rules/" + Regimes.FILE + "`; which rules cite each regime is computed"
                + " from the pack). A regime's absence from a scenario's result is not a finding that the law is met.\n");
        for (Regimes.Regime regime : regimes.regimes()) {
            List<String> citing = Regimes.citing(regime, rules);
            out.write("\n## " + regime.name() + " (`" + regime.scope() + "`)\n\n");
            out.write("Rules citing its law: " + (citing.isEmpty() ? "none" : citing.stream()
                    .map(id -> "[" + id + "](#" + id.toLowerCase(java.util.Locale.ROOT) + ")").collect(Collectors.joining(", "))) + "\n\n");
            out.write("Not covered: " + regime.notCovered() + "\n");
        }
        List<String> unscoped = Regimes.unscoped(rules);
        if (!unscoped.isEmpty()) {
            out.write("\nRules tied to no regime (the platform's own promises and publications, read wherever made): "
                    + unscoped.stream().map(id -> "[" + id + "](#" + id.toLowerCase(java.util.Locale.ROOT) + ")")
                            .collect(Collectors.joining(", ")) + "\n");
        }
    }

    /**
     * The one sensitive-data table the rules read ({@link Sensitive}): per Fides category, which law's definition
     * lists it, so counsel can check the reading without opening the rules.
     */
    private static void markdownSensitive(Writer out) throws IOException {
        out.write("\n# Sensitive data by law\n\n");
        out.write("Rules ask whether a category is sensitive under one law's definition; the definitions differ, so the"
                + " table (`src/main/resources/dev/covenant/model/" + Sensitive.TABLE + "`) keeps one column per"
                + " definition. A category takes the row of its most specific listed ancestor (`user.biometric.fingerprint`"
                + " takes `user.biometric`'s); a category with no listed ancestor is sensitive under none, and a parent"
                + " key is not sensitive because a child is. \"from\" marks a key a definition lists only for conduct"
                + " from that date.\n\n");
        out.write("| category |");
        for (Sensitive s : Sensitive.values()) {
            out.write(" " + s.column() + " |");
        }
        out.write(" note |\n|---|");
        for (Sensitive s : Sensitive.values()) {
            out.write("---|");
        }
        out.write("---|\n");
        for (Sensitive.Row row : Sensitive.rows()) {
            out.write("| `" + row.key() + "` |");
            for (Sensitive s : Sensitive.values()) {
                java.time.LocalDate from = row.from().get(s);
                out.write(" " + (from == null ? "" : from.equals(java.time.LocalDate.MIN) ? "yes" : "from " + from) + " |");
            }
            out.write(" " + cell(row.note()) + " |\n");
        }
        out.write("\nThe definitions:\n");
        for (Sensitive s : Sensitive.values()) {
            out.write("- `" + s.column() + "` — " + s.term() + ": " + s.source() + "\n");
        }
        out.write("\nNot representable in the Fides taxonomy, so never derived: trade union membership (GDPR Art. 9(1),"
                + " CCPA (ae)(1)(D)), neural data (CCPA (ae)(1)(G), from 2025-01-01), philosophical beliefs apart from"
                + " religious ones, and the contents of mail, email and text messages (CCPA (ae)(1)(E)), which"
                + " `user.content.private` holds together with notes and files. Biometric keys are read as processed to identify a person; a photograph is not"
                + " biometric data unless processed by technical means that allow identification (GDPR Recital 51), and"
                + " a practice that scans faces in photographs declares `user.biometric`.\n");
    }

    /** The rule's reading of the law, for counsel to check; nothing when the rule states none. */
    private static void legalReading(LegalReading reading, Writer out) throws IOException {
        if (reading.isEmpty()) {
            return;
        }
        out.write("Legal reading:\n");
        if (reading.theory() != null) {
            out.write("- Theory: " + reading.theory() + "\n");
        }
        if (!reading.elements().isEmpty()) {
            out.write("- Elements:\n");
            for (String element : reading.elements()) {
                out.write("  - " + element + "\n");
            }
        }
        if (reading.exceptions() != null) {
            out.write("- Exceptions: " + reading.exceptions() + "\n");
        }
        if (reading.notCovered() != null) {
            out.write("- Not covered: " + reading.notCovered() + "\n");
        }
        out.write("\n");
    }

    private static String links(List<String> files) {
        return files.isEmpty() ? "none" : files.stream().map(f -> "[" + f.substring(f.lastIndexOf('/') + 1) + "](../" + f + ")")
                .collect(Collectors.joining(", "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
