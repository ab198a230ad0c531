package dev.covenant.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.covenant.finding.Citation;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The legal regimes a pack speaks for and, for each, what it does not cover — written by the pack's authors in
 * {@code regimes.yaml} at the pack's root, since a limit of the whole pack belongs to no one rule. A regime is named
 * by the region its citations are scoped to ({@code US}, {@code US-CA}, {@code EEA}); which rules cite its law is
 * computed from the pack, so the page cannot drift from it, and a scope with no regime is reported.
 */
public record Regimes(List<Regime> regimes) {

    /** The file at the root of a pack. */
    public static final String FILE = "regimes.yaml";

    /** One regime: its name, the citation scope it is, and the pack's limits in it. */
    public record Regime(String name, String scope, String notCovered) {
    }

    /** A pack with no regimes file. */
    public static final Regimes NONE = new Regimes(List.of());

    public Regimes {
        regimes = List.copyOf(regimes);
    }

    /** The rules with a citation scoped exactly to {@code regime}'s region, in catalog order. */
    public static List<String> citing(Regime regime, List<RuleDescriptor> rules) {
        return rules.stream().filter(r -> r.citations().stream().anyMatch(c -> c.isScoped() && c.scope().equals(regime.scope())))
                .map(RuleDescriptor::id).toList();
    }

    /** The rules none of whose citations is scoped to a region: the platform's own promises, read wherever it made them. */
    public static List<String> unscoped(List<RuleDescriptor> rules) {
        return rules.stream().filter(r -> r.citations().stream().noneMatch(Citation::isScoped)).map(RuleDescriptor::id).toList();
    }

    /** Scopes the pack cites that no regime names: limits nobody stated. */
    public Set<String> unstated(List<RuleDescriptor> rules) {
        Set<String> scopes = new TreeSet<>();
        rules.forEach(r -> r.citations().stream().filter(Citation::isScoped).forEach(c -> scopes.add(c.scope())));
        regimes.forEach(g -> scopes.remove(g.scope()));
        return scopes;
    }

    /** The outcome of reading a regimes file: the regimes, or the problems with it (file:line:column). */
    public record Loaded(Regimes regimes, List<Diagnostic> diagnostics) {
    }

    /** Reads {@code regimes.yaml} under {@code packRoot}; no file is {@link #NONE}. */
    public static Loaded read(Path packRoot) {
        Path file = packRoot.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new Loaded(NONE, List.of());
        }
        String display = file.toString();
        ObjectMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES).build();
        try {
            Entry[] entries = yaml.readValue(Files.readAllBytes(file), Entry[].class);
            List<Regime> regimes = new ArrayList<>();
            List<Diagnostic> problems = new ArrayList<>();
            Set<String> seen = new TreeSet<>();
            for (int i = 0; i < entries.length; i++) {
                Entry e = entries[i];
                if (e == null || blank(e.regime) || blank(e.scope) || blank(e.not_covered)) {
                    problems.add(new Diagnostic(SourceSpan.of(display, 1, 1), "regime " + (i + 1)
                            + " needs regime, scope and not_covered, each non-empty"));
                } else if (!seen.add(e.scope)) {
                    problems.add(new Diagnostic(SourceSpan.of(display, 1, 1), "regime " + (i + 1) + ": scope '" + e.scope
                            + "' is named twice"));
                } else {
                    regimes.add(new Regime(e.regime.strip(), e.scope.strip(), e.not_covered.strip()));
                }
            }
            return new Loaded(new Regimes(regimes), problems);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String what = e instanceof UnrecognizedPropertyException u
                    ? "unknown key '" + u.getPropertyName() + "'; expected one of: regime, scope, not_covered"
                    : e.getOriginalMessage();
            return new Loaded(NONE, List.of(new Diagnostic(SourceSpan.of(display, at == null ? 1 : at.getLineNr(),
                    at == null ? 1 : at.getColumnNr()), what)));
        } catch (IOException e) {
            return new Loaded(NONE, List.of(new Diagnostic(SourceSpan.of(display, 0, 0), "cannot read file: " + e.getMessage())));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** As written: {@code - {regime, scope, not_covered}}. */
    @SuppressWarnings("checkstyle:MemberName")
    static final class Entry {
        public String regime;
        public String scope;
        public String not_covered;
    }
}
