package dev.covenant.engine;

import dev.covenant.finding.Evidence;
import dev.covenant.finding.Exposure;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Severity;
import dev.covenant.model.Derived;
import dev.covenant.model.Fact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

/**
 * How an obligation rule reports, from its consequence:
 * <pre>
 *   finding(kcontext).about($practice).message("...", args).cite($promise.source()).exposure(...).report();
 * </pre>
 * Id, title, severity, basis and static citations come from the rule's metadata; evidence is every
 * fact the rule bound (derived facts expand to the facts they rest on): the fact named by
 * {@code about(...)} first, the rest in file order. {@code report()} inserts the
 * finding into the session, where the evaluator's listener collects it and chained rules can match it.
 */
public final class FindingBuilder {

    private final RuleContext context;
    private final Set<String> dynamicCitations = new LinkedHashSet<>();
    private String message;
    private Exposure exposure;
    private Object about;

    private FindingBuilder(RuleContext context) {
        this.context = context;
    }

    /** Starts a finding for the rule whose consequence is running. */
    public static FindingBuilder finding(RuleContext context) {
        return new FindingBuilder(context);
    }

    /** The fact the finding is about; it becomes the primary evidence (where reports point). */
    public FindingBuilder about(Object fact) {
        this.about = fact;
        return this;
    }

    public FindingBuilder message(String format, Object... args) {
        this.message = args.length == 0 ? format : String.format(java.util.Locale.ROOT, format, args);
        return this;
    }

    /** Adds a citation that depends on the facts, e.g. a promise's own clause. */
    public FindingBuilder cite(String citation) {
        if (citation != null && !citation.isBlank()) {
            dynamicCitations.add(citation.strip());
        }
        return this;
    }

    public FindingBuilder citeIf(boolean applies, String citation) {
        return applies ? cite(citation) : this;
    }

    public FindingBuilder exposure(Exposure value) {
        this.exposure = value;
        return this;
    }

    /** Inserts the finding into the session; the evaluator collects it. */
    public Finding report() {
        Finding finding = build();
        context.getKieRuntime().insert(finding);
        return finding;
    }

    Finding build() {
        Map<String, Object> meta = context.getRule().getMetaData();
        String id = RuleCatalog.text(meta, "id");
        if (id == null) {
            throw new IllegalStateException("rule '" + context.getRule().getName()
                    + "' reported a finding but has no @id; only obligation rules report");
        }
        List<String> citations = new ArrayList<>();
        String references = RuleCatalog.text(meta, "reference");
        if (references != null) {
            Arrays.stream(references.split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(citations::add);
        }
        dynamicCitations.stream().filter(c -> !citations.contains(c)).forEach(citations::add);

        Match match = context.getMatch();
        List<Finding.FindingRef> restsOn = new ArrayList<>();
        Map<String, Evidence> bound = new LinkedHashMap<>();
        List<String> declarations = new ArrayList<>(match.getDeclarationIds());
        java.util.Collections.sort(declarations); // the engine's order is not stable across builds
        for (String declaration : declarations) {
            Object value = match.getDeclarationValue(declaration);
            String role = declaration.startsWith("$") ? declaration.substring(1) : declaration;
            collect(role, value, bound, restsOn);
        }
        Map<String, Evidence> primary = new LinkedHashMap<>();
        if (about != null) {
            collect("subject", about, primary, restsOn);
        }
        Map<String, Evidence> evidence = new LinkedHashMap<>();
        primary.forEach((key, e) -> evidence.put(key, bound.getOrDefault(key, e)));
        bound.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.comparing((Evidence e) -> e.span().file())
                        .thenComparingInt(e -> e.span().line()).thenComparingInt(e -> e.span().column())))
                .forEach(entry -> evidence.putIfAbsent(entry.getKey(), entry.getValue()));
        Object subject = about;
        if (subject instanceof Derived d && !d.basis().isEmpty()) {
            subject = d.basis().get(0);
        }
        String title = RuleCatalog.text(meta, "title");
        Severity severity = Severity.parse(RuleCatalog.text(meta, "severity")).orElse(Severity.INFO);
        return new Finding(id, title, severity, RuleCatalog.text(meta, "basis"), citations,
                message == null ? title : message, new ArrayList<>(evidence.values()), exposure, restsOn, subject);
    }

    private static void collect(String role, Object value, Map<String, Evidence> evidence, List<Finding.FindingRef> restsOn) {
        if (value instanceof Fact fact) {
            evidence.putIfAbsent(fact.kind() + "\u0000" + fact.id(), new Evidence(role, fact.kind(), fact.id(), fact.span()));
        } else if (value instanceof Finding finding) {
            if (!restsOn.contains(finding.ref())) {
                restsOn.add(finding.ref());
            }
            finding.evidence().forEach(e -> evidence.putIfAbsent(e.kind() + "\u0000" + e.id(), e));
        } else if (value instanceof Derived derived) {
            derived.basis().forEach(b -> collect(role, b, evidence, restsOn));
        } else if (value instanceof Collection<?> many) {
            many.forEach(v -> collect(role, v, evidence, restsOn));
        }
    }
}
