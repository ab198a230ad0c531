package dev.covenant.engine;

import dev.covenant.finding.Citation;
import dev.covenant.finding.ExposureFormula;
import dev.covenant.finding.LegalReading;
import dev.covenant.finding.MessageTemplate;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.Severity;
import dev.covenant.model.Region;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The metadata of every rule in a compiled pack, checked: obligation rules need {@code @id}
 * (unique), {@code @title}, {@code @severity} and {@code @reference}; dates must parse. Problems are
 * diagnostics at the rule's declaration.
 */
public final class RuleCatalog {

    static final Set<String> BASES = Set.of("statute", "contract", "guidance");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]*");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final Pattern RULE = Pattern.compile("(?m)^(\\s*)rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|([\\w.$-]+))");

    private final Map<String, RuleInfo> byKey;
    private final Map<Rule, RuleInfo> byRule = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Diagnostic> diagnostics;

    private final java.util.SortedSet<String> citationScopes;

    /**
     * The rules of each pack in use, by its KieBase (compared by identity; weakly held, so an evicted
     * pack goes): a consequence building a finding reaches its rule's descriptor through its session's
     * KieBase rather than reading the annotations again. Only strings and spans are held, never a Rule.
     */
    private static final Map<KieBase, Map<String, RuleInfo>> IN_USE = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private RuleCatalog(Map<String, RuleInfo> byKey, List<Diagnostic> diagnostics) {
        this.byKey = byKey;
        this.diagnostics = diagnostics;
        java.util.SortedSet<String> scopes = new java.util.TreeSet<>();
        obligations().stream().flatMap(r -> r.citations().stream())
                .filter(Citation::isScoped).map(Citation::scope).forEach(scopes::add);
        this.citationScopes = java.util.Collections.unmodifiableSortedSet(scopes);
    }

    /** The regions the obligation rules' scoped citations name ({@code [US]}, {@code [EEA]}, ...), sorted. */
    public java.util.SortedSet<String> citationScopes() {
        return citationScopes;
    }

    /** The descriptor of the obligation rule whose consequence runs in a session of {@code kieBase}; null if none. */
    static RuleDescriptor descriptorOf(KieBase kieBase, Rule rule) {
        Map<String, RuleInfo> rules = IN_USE.get(kieBase);
        RuleInfo info = rules == null ? null : rules.get(RuleInfo.key(rule.getPackageName(), rule.getName()));
        return info == null ? null : info.descriptor();
    }

    static RuleCatalog of(KieBase kieBase, RuleSources sources) {
        Map<String, RuleText> texts = ruleTexts(sources);
        Map<String, SourceSpan> declared = new HashMap<>();
        texts.forEach((key, text) -> declared.put(key, text.declared()));
        List<Diagnostic> diagnostics = new ArrayList<>(ConsequenceLint.check(sources));
        diagnostics.addAll(LiteralLint.check(sources));
        Map<String, RuleInfo> byKey = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            rules.addAll(pkg.getRules());
        }
        rules.sort(Comparator.comparing((Rule r) -> declaredAt(declared, r).file())
                .thenComparingInt(r -> declaredAt(declared, r).line()));
        Map<String, RuleInfo> byId = new HashMap<>();
        for (Rule rule : rules) {
            SourceSpan at = declaredAt(declared, rule);
            RuleInfo info = read(rule, at, diagnostics, texts.get(RuleInfo.key(rule.getPackageName(), rule.getName())));
            byKey.put(info.key(), info);
            if (info.id() != null) {
                RuleInfo first = byId.putIfAbsent(info.id(), info);
                if (first != null) {
                    diagnostics.add(new Diagnostic(at, "duplicate rule id '" + info.id() + "' in rule '" + rule.getName()
                            + "'; already used by rule '" + first.name() + "' at " + first.declared().location()));
                }
            }
        }
        checkOrdering(rules, byKey, declared, diagnostics);
        IN_USE.put(kieBase, java.util.Collections.unmodifiableMap(byKey));
        return new RuleCatalog(byKey, List.copyOf(diagnostics));
    }

    /**
     * Classification rules must finish before obligation rules match on what they derive (an
     * accumulate over Reach facts must never see a partial list), so every {@code @derive} rule needs
     * a salience above every obligation rule's. Salience is not in the public API; where the engine
     * does not expose it, the check is skipped.
     */
    private static void checkOrdering(List<Rule> rules, Map<String, RuleInfo> byKey, Map<String, SourceSpan> declared,
            List<Diagnostic> diagnostics) {
        int highestObligation = Integer.MIN_VALUE;
        int lowestDirect = Integer.MAX_VALUE;
        for (Rule rule : rules) {
            Integer salience = salience(rule);
            RuleInfo info = byKey.get(RuleInfo.key(rule.getPackageName(), rule.getName()));
            if (salience != null && !info.derive()) {
                highestObligation = Math.max(highestObligation, salience);
                if (!chained(rule)) {
                    lowestDirect = Math.min(lowestDirect, salience);
                }
            }
        }
        // A rule on findings (Finding, Violations) must run after every rule that reports one, or it rests on some of
        // them only and fires again as each arrives.
        for (Rule rule : rules) {
            Integer salience = salience(rule);
            RuleInfo info = byKey.get(RuleInfo.key(rule.getPackageName(), rule.getName()));
            if (salience != null && !info.derive() && chained(rule) && lowestDirect != Integer.MAX_VALUE && salience >= lowestDirect) {
                diagnostics.add(new Diagnostic(declaredAt(declared, rule), "rule '" + rule.getName() + "' matches findings but has salience "
                        + salience + ", not below the rules that report them (" + lowestDirect + "); declare 'salience "
                        + Math.min(-100, lowestDirect - 1) + "' so it rests on all of them at once"));
            }
        }
        for (Rule rule : rules) {
            Integer salience = salience(rule);
            RuleInfo info = byKey.get(RuleInfo.key(rule.getPackageName(), rule.getName()));
            if (salience != null && info.derive() && salience <= highestObligation) {
                diagnostics.add(new Diagnostic(declaredAt(declared, rule), "classification rule '" + rule.getName()
                        + "' (@derive) has salience " + salience + ", not above the obligation rules' (" + highestObligation
                        + "); declare 'salience " + Math.max(100, highestObligation + 1)
                        + "' so derived facts are complete before obligations match"));
            }
        }
    }

    /** True for a rule that binds a finding, or findings gathered (Violations): it rests on other rules' findings. */
    private static boolean chained(Rule rule) {
        return rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getDeclarations().values().stream()
                .map(org.drools.base.rule.Declaration::getDeclarationClass)
                .anyMatch(c -> c != null && (dev.covenant.finding.Finding.class.isAssignableFrom(c)
                        || dev.covenant.finding.Violations.class.isAssignableFrom(c)));
    }

    private static Integer salience(Rule rule) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && !impl.isSalienceDynamic()) {
            return impl.getSalienceValue();
        }
        return null;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Every rule, in declaration order (file, then line). */
    public Collection<RuleInfo> rules() {
        return byKey.values();
    }

    /** The obligation rules (those with an id), sorted by id: the descriptors reports, catalogs and audits use. */
    public List<RuleDescriptor> obligations() {
        return byKey.values().stream().map(RuleInfo::descriptor).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(RuleDescriptor::id)).toList();
    }

    /** The obligation rule with this id, or null. */
    public RuleInfo rule(String id) {
        return byKey.values().stream().filter(r -> id.equals(r.id())).findFirst().orElse(null);
    }

    /** The metadata of a compiled rule; looked up per match, so cached by the rule object itself. */
    public RuleInfo get(Rule rule) {
        RuleInfo info = byRule.get(rule);
        if (info == null) {
            info = byKey.get(RuleInfo.key(rule.getPackageName(), rule.getName()));
            if (info != null) {
                byRule.put(rule, info);
            }
        }
        return info;
    }

    private static RuleInfo read(Rule rule, SourceSpan at, List<Diagnostic> diagnostics, RuleText source) {
        Map<String, Object> meta = rule.getMetaData();
        String name = rule.getName();
        boolean derive = meta.containsKey("derive");
        String id = text(meta, "id");
        String title = text(meta, "title");
        String severityText = text(meta, "severity");
        String referenceText = text(meta, "reference");
        String basis = text(meta, "basis");
        String description = text(meta, "description");
        LocalDate effective = date(meta, "effective", name, at, diagnostics);
        LocalDate expires = date(meta, "expires", name, at, diagnostics);
        if (effective != null && expires != null && !expires.isAfter(effective)) {
            diagnostics.add(new Diagnostic(at, "rule '" + name + "': @expires (" + expires + ") must be after @effective (" + effective + ")"));
        }
        if (derive) {
            for (String key : List.of("id", "severity", "reference", "exposure")) {
                if (meta.containsKey(key)) {
                    diagnostics.add(new Diagnostic(at, "rule '" + name + "' is a classification rule (@derive) and must not have @" + key
                            + "; only obligation rules are reported"));
                }
            }
            return new RuleInfo(rule.getPackageName(), name, at, true, effective, expires, null);
        }
        String problem = "rule '" + name + "'";
        List<String> missing = new ArrayList<>();
        if (id == null) {
            missing.add("@id");
        } else if (!RULE_ID.matcher(id).matches()) {
            diagnostics.add(new Diagnostic(at, problem + ": @id \"" + id + "\" must be upper-case letters, digits and dashes"));
        }
        if (title == null || title.isBlank()) {
            missing.add("@title");
        }
        Severity severity = null;
        if (severityText == null) {
            missing.add("@severity");
        } else {
            severity = Severity.parse(severityText).orElse(null);
            if (severity == null) {
                diagnostics.add(new Diagnostic(at, problem + ": unknown @severity \"" + severityText + "\"; expected one of: " + Severity.choices()));
            }
        }
        List<Citation> references = List.of();
        if (referenceText == null) {
            missing.add("@reference");
        } else {
            List<String> written = Arrays.stream(referenceText.split(";", -1)).map(String::strip).toList();
            if (written.stream().anyMatch(String::isEmpty)) {
                diagnostics.add(new Diagnostic(at, problem + ": @reference has an empty citation; separate citations with ';'"));
            }
            List<Citation> parsed = new ArrayList<>();
            for (String citation : written.stream().filter(s -> !s.isEmpty()).toList()) {
                try {
                    Citation c = Citation.parse(citation);
                    if (c.text().isEmpty()) {
                        diagnostics.add(new Diagnostic(at, problem + ": @reference has no citation text after " + citation));
                    } else {
                        parsed.add(c);
                    }
                } catch (IllegalArgumentException e) {
                    diagnostics.add(new Diagnostic(at, problem + ": " + e.getMessage()));
                }
            }
            references = List.copyOf(parsed);
        }
        if (!missing.isEmpty()) {
            diagnostics.add(new Diagnostic(at, problem + " lacks " + String.join(", ", missing)
                    + "; obligation rules need @id, @title, @severity and @reference (rules that only derive facts are marked @derive)"));
        }
        if (basis != null && !BASES.contains(basis)) {
            diagnostics.add(new Diagnostic(at, problem + ": unknown @basis \"" + basis + "\"; expected one of: statute | contract | guidance"));
        }
        ExposureFormula exposure = null;
        String exposureText = text(meta, "exposure");
        if (exposureText != null) {
            exposure = ExposureFormula.parse(exposureText, text(meta, "exposureBasis")).orElse(null);
            if (exposure == null) {
                diagnostics.add(new Diagnostic(at, problem + ": @exposure \"" + exposureText + "\" must read like"
                        + " \"1000 USD per distinct member\" (record rules), \"1000 USD per US member reached\" or \"1000 USD per US-IL person reached\""));
            } else if (exposure.region() != null && !Region.isValid(exposure.region())) {
                diagnostics.add(new Diagnostic(at, problem + ": @exposure region " + exposure.region() + " is not a region"));
            }
        } else if (text(meta, "exposureBasis") != null) {
            diagnostics.add(new Diagnostic(at, problem + ": @exposureBasis without @exposure; state the amount in @exposure"));
        }
        LegalReading reading = reading(meta, problem, at, diagnostics);
        Map<String, Class<?>> bound = bindings(rule);
        MessageTemplate message = template(meta, "message", bound, problem, at, source, diagnostics);
        MessageTemplate cite = template(meta, "cite", bound, problem, at, source, diagnostics);
        RuleDescriptor descriptor = id == null ? null : new RuleDescriptor(id, title, severity, basis, description, references,
                at, effective, expires, exposure, reading, message, cite == null ? List.of() : List.of(cite));
        return new RuleInfo(rule.getPackageName(), name, at, false, effective, expires, descriptor);
    }

    /** What the rule's {@code when} binds, by name without '$', and the declared class of each. */
    private static Map<String, Class<?>> bindings(Rule rule) {
        Map<String, Class<?>> bound = new java.util.TreeMap<>();
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl) {
            impl.getDeclarations().forEach((name, declaration) -> {
                Class<?> type = declaration.getDeclarationClass();
                bound.put(name.startsWith("$") ? name.substring(1) : name, type == null ? Object.class : type);
            });
        }
        return bound;
    }

    /**
     * A {@code @message} or {@code @cite} template, parsed and checked against the rule's bindings: each problem
     * is a diagnostic at the placeholder in the annotation (its line and column in the DRL, when the annotation
     * is found there), with a did-you-mean.
     */
    private static MessageTemplate template(Map<String, Object> meta, String key, Map<String, Class<?>> bound, String problem,
            SourceSpan at, RuleText source, List<Diagnostic> diagnostics) {
        String text = text(meta, key);
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            diagnostics.add(new Diagnostic(at, problem + ": @" + key + " is empty; write the text, or leave the annotation out"));
            return null;
        }
        try {
            MessageTemplate template = MessageTemplate.parse(text);
            for (MessageTemplate.Problem p : template.problems(bound,
                    (typed, candidates) -> dev.covenant.scenario.Suggestions.didYouMean(typed, candidates))) {
                diagnostics.add(new Diagnostic(annotationAt(source, at, key, p.offset()), problem + ": @" + key + " " + p.message()));
            }
            return template;
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int offset = 0;
            Matcher m = Pattern.compile("^at (\\d+): ").matcher(message);
            if (m.find()) {
                offset = Integer.parseInt(m.group(1));
                message = message.substring(m.end());
            }
            diagnostics.add(new Diagnostic(annotationAt(source, at, key, offset), problem + ": @" + key + " " + message));
            return null;
        }
    }

    /**
     * A rule's text as compiled: its file's DRL (for a decision table, the DRL generated from it), the line its
     * declaration is on there, and how a place in that text is shown ({@link RuleSources#locate}: itself, or
     * for a table the cell it came from).
     */
    private record RuleText(String relative, String text, int line, int column, RuleSources sources) {

        SourceSpan locate(int line, int column) {
            return sources.locate(relative, line, column);
        }

        SourceSpan declared() {
            return locate(line, column);
        }
    }

    /** Each rule's text, by rule key: where it is declared, found by reading the DRL (the KIE API does not expose lines). */
    private static Map<String, RuleText> ruleTexts(RuleSources sources) {
        Map<String, RuleText> texts = new HashMap<>();
        sources.files().forEach((relative, text) -> {
            Matcher pkg = PACKAGE.matcher(text);
            String packageName = pkg.find() ? pkg.group(1) : "defaultpkg";
            Matcher m = RULE.matcher(text);
            while (m.find()) {
                String name = m.group(2) != null ? m.group(2).replace("\\\"", "\"") : m.group(3) != null ? m.group(3) : m.group(4);
                int offset = m.start() + m.group(1).length();
                texts.putIfAbsent(RuleInfo.key(packageName, name),
                        new RuleText(relative, text, lineOf(text, offset), columnOf(text, offset), sources));
            }
        });
        return texts;
    }

    /**
     * Where character {@code offset} of a rule's {@code @key("...")} text stands: found in the DRL after the
     * rule's declaration, before its {@code when}, and shown as its file:line:column (a table's cell); the
     * rule's declaration when the annotation cannot be found.
     */
    private static SourceSpan annotationAt(RuleText source, SourceSpan rule, String key, int offset) {
        if (source == null) {
            return rule;
        }
        String[] lines = source.text().split("\n", -1);
        Pattern annotation = Pattern.compile("@" + key + "\\s*\\(\\s*\"");
        for (int i = source.line() - 1; i < lines.length; i++) {
            if (lines[i].strip().equals("when")) {
                break;
            }
            Matcher m = annotation.matcher(lines[i]);
            if (m.find()) {
                // The template's offset counts characters of the value; the line has them as written (\" is two).
                int at = m.end();
                for (int counted = 0; counted < offset && at < lines[i].length(); counted++) {
                    at += lines[i].charAt(at) == '\\' ? 2 : 1;
                }
                return source.locate(i + 1, at + 1);
            }
        }
        return rule;
    }

    /**
     * The rule's reading of the law ({@code @theory}, {@code @elements}, {@code @exceptions}, {@code @notCovered}):
     * optional, but a part that is written must say something, and elements are separated by ';'.
     */
    private static LegalReading reading(Map<String, Object> meta, String problem, SourceSpan at, List<Diagnostic> diagnostics) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String key : List.of("theory", "elements", "exceptions", "notCovered")) {
            String value = text(meta, key);
            if (value != null && value.isBlank()) {
                diagnostics.add(new Diagnostic(at, problem + ": @" + key + " is empty; state it or leave the annotation out"));
                value = null;
            }
            parts.put(key, value);
        }
        List<String> elements = List.of();
        if (parts.get("elements") != null) {
            List<String> written = Arrays.stream(parts.get("elements").split(";", -1)).map(String::strip).toList();
            if (written.stream().anyMatch(String::isEmpty)) {
                diagnostics.add(new Diagnostic(at, problem + ": @elements has an empty element; separate elements with ';'"));
            }
            elements = written.stream().filter(s -> !s.isEmpty()).toList();
        }
        return new LegalReading(parts.get("theory"), elements, parts.get("exceptions"), parts.get("notCovered"));
    }

    static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            // Drools files @description and @expires under the names of its own type annotations.
            value = meta.get("org.kie.api.definition.type." + Character.toUpperCase(key.charAt(0)) + key.substring(1));
        }
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        // Unquoted annotation values keep their quotes in some Drools paths; strip them once.
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static LocalDate date(Map<String, Object> meta, String key, String rule, SourceSpan at, List<Diagnostic> diagnostics) {
        String text = text(meta, key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            diagnostics.add(new Diagnostic(at, "rule '" + rule + "': @" + key + " \"" + text + "\" is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static SourceSpan declaredAt(Map<String, SourceSpan> declared, Rule rule) {
        return declared.getOrDefault(RuleInfo.key(rule.getPackageName(), rule.getName()),
                SourceSpan.of("rule " + rule.getName(), 0, 0));
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return offset - lineStart + 1;
    }
}
