package dev.covenant.engine;

import dev.covenant.finding.Evidence;
import dev.covenant.finding.Exposure;
import dev.covenant.finding.ExposureFormula;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Review;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.model.People;
import dev.covenant.classify.Affected;
import dev.covenant.classify.Derived;
import dev.covenant.model.Fact;
import dev.covenant.model.AsOf;
import dev.covenant.model.LegalGround;
import dev.covenant.model.Period;
import dev.covenant.model.Practice;
import dev.covenant.model.Setting;
import dev.covenant.finding.Conduct;
import java.time.LocalDate;
import org.kie.api.runtime.ClassObjectFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

/**
 * How an obligation rule reports, from its consequence:
 * <pre>
 *   finding(kcontext).about($practice).report();
 * </pre>
 * Id, title, severity, basis, exposure, the message ({@code @message}, a {@link dev.covenant.finding.MessageTemplate}
 * over the rule's bindings) and the citations from the facts ({@code @cite}) come from the rule's
 * {@link RuleDescriptor}, read when the pack compiled; a consequence may still write {@code .message(...)}
 * and {@code .cite(...)} itself. Citations are the rule's {@code @reference} entries that govern the conduct
 * ({@link RuleDescriptor#citationsFor}: a scoped one such as {@code [EEA] GDPR Art. 25(2)} only when the
 * evidence includes members within that region, a dated one only when the conduct overlaps its period,
 * a basis-scoped one only when a practice in the evidence rests on that ground) — then those the
 * consequence adds. Exposure is the rule's {@code @exposure} formula over the members of the
 * cohorts in the evidence. A finding none of whose
 * citations applies is not reported: a rule whose every citation is out of reach does not fire.
 * Evidence is every fact the rule bound (derived facts expand to the facts they rest on), once per
 * fact kind and id: the fact named by {@code about(...)} first, the rest in file order. A finding that
 * rests on other findings takes their evidence and regions; {@link #within(String)} narrows a finding
 * to the members of one region, for a rule whose law protects only them (the UCL: Californians).
 * {@code report()} inserts the finding into the session, where the evaluator's listener collects it and
 * chained rules can match it.
 */
public final class FindingBuilder {

    private static final Comparator<Evidence> FILE_ORDER = Comparator.comparing((Evidence e) -> e.span().file())
            .thenComparingInt(e -> e.span().line()).thenComparingInt(e -> e.span().column());

    private final RuleContext context;
    private final Set<String> dynamicCitations = new LinkedHashSet<>();
    private String message;
    private Object about;
    private Period during;
    /** The days of the conduct when they leave gaps ({@link #during(List)}); null: every day of {@code during}. */
    private List<Period> days;
    private Conduct lastConduct;
    private boolean governed;
    private String within;

    /** Inserted instead of a finding when none of a rule's citations governs the conduct it matched. */
    public record OutOfReach(String rule, Conduct conduct) {
    }

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

    /**
     * The days the conduct ran, for a finding about something other than a practice (a version published
     * backdated, a model on the market). Without it the conduct is the span of the practices in the evidence,
     * closed at {@code as_of}, or else the {@code as_of} day itself.
     */
    public FindingBuilder during(LocalDate from, LocalDate to) {
        return during(new Period(from, to));
    }

    /**
     * The conduct ran on the days of {@code periods}, which may leave gaps (a violation that stopped and resumed):
     * its citations are judged against their span, and an exposure per day of violation counts only their
     * distinct days.
     */
    public FindingBuilder during(List<Period> periods) {
        this.during = periods.isEmpty() ? null : Period.spanning(periods);
        this.days = periods.isEmpty() ? null : List.copyOf(periods);
        return this;
    }

    /** As {@link #during(LocalDate, LocalDate)}, for a period computed in the rule (the days a practice and a statement shared). */
    public FindingBuilder during(Period period) {
        this.during = period;
        return this;
    }

    /**
     * The finding concerns only the members within {@code region} ({@code US-CA}, by
     * {@link dev.covenant.model.Region#within}, or {@value Affected#EEA_OR_UK}): member cohorts outside it are left out of its evidence,
     * including the evidence taken from findings it rests on, and so out of its regions, its reach for
     * scoped citations and its exposure. The other facts stay: the practice, the setting, the statements
     * a rested-on finding stands on are the same conduct whoever it reached.
     */
    public FindingBuilder within(String region) {
        this.within = region;
        return this;
    }

    /**
     * True when {@code region} lies within the finding's {@link #within} region; {@value Affected#EEA_OR_UK} is the
     * two together, for a rule whose GDPR and UK GDPR citations split between them by themselves.
     */
    private boolean withinScope(String region) {
        return Affected.EEA_OR_UK.equals(within)
                ? dev.covenant.model.Region.within(region, "EEA") || dev.covenant.model.Region.within(region, "UK")
                : dev.covenant.model.Region.within(region, within);
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

    /** Inserts the finding into the session, where the evaluator collects it; null when out of reach. */
    public Finding report() {
        Finding finding = build();
        // Out of reach when none of the rule's own citations governs the conduct: a citation the consequence
        // adds (a promise's clause, a statement's wording) says what was breached, not which law applies.
        if (!governed) {
            context.getKieRuntime().insert(new OutOfReach(context.getRule().getName(), lastConduct));
            return null;
        }
        context.getKieRuntime().insert(finding);
        return finding;
    }

    Finding build() {
        RuleDescriptor rule = RuleCatalog.descriptorOf(context.getKieRuntime().getKieBase(), context.getRule());
        if (rule == null) {
            throw new IllegalStateException("rule '" + context.getRule().getName()
                    + "' reported a finding but has no @id; only obligation rules report");
        }
        Match match = context.getMatch();
        Bound bound = new Bound();
        List<String> declarations = new ArrayList<>(match.getDeclarationIds());
        Collections.sort(declarations); // the engine's order is not stable across builds
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (String declaration : declarations) {
            values.put(declaration.startsWith("$") ? declaration.substring(1) : declaration, match.getDeclarationValue(declaration));
        }
        // A fact bound by name takes that name as its role before a derived fact that rests on it claims it:
        // the practice is "practice", not "us" for the audience that counts its members.
        values.forEach((role, value) -> {
            if (value instanceof Fact) {
                bound.collect(role, value);
            }
        });
        values.forEach((role, value) -> {
            if (!(value instanceof Fact)) {
                bound.collect(role, value);
            }
        });
        if (message == null && rule.message() != null) {
            message = rule.message().render(values);
        }
        rule.cites().forEach(template -> template.renderEach(values).forEach(this::cite));
        Bound primary = new Bound();
        if (about != null) {
            primary.collect("subject", about);
        }
        Map<String, Evidence> evidence = new LinkedHashMap<>();
        primary.evidence.forEach((key, e) -> evidence.put(key, bound.evidence.getOrDefault(key, e)));
        bound.evidence.entrySet().stream().sorted(Map.Entry.comparingByValue(FILE_ORDER))
                .forEach(entry -> evidence.putIfAbsent(entry.getKey(), entry.getValue()));
        bound.regions.addAll(primary.regions);
        if (within != null) {
            evidence.values().removeIf(e -> e.fact() instanceof People c && !withinScope(c.region()));
            bound.regions.removeIf(r -> !withinScope(r));
        }
        bound.restsOn.addAll(primary.restsOn.stream().filter(r -> !bound.restsOn.contains(r)).toList());
        // The order the engine matched them in differs between a compiled and a cached pack; the
        // report's must not.
        bound.restsOn.sort(REFERENCE_ORDER);

        lastConduct = conduct(bound.regions, evidence.values());
        List<dev.covenant.finding.Citation> governing = rule.citationsGoverning(lastConduct);
        List<String> citations = new ArrayList<>(governing.stream().map(dev.covenant.finding.Citation::text).toList());
        governed = !citations.isEmpty();
        dynamicCitations.stream().filter(c -> !citations.contains(c)).forEach(citations::add);

        Object subject = about;
        if (subject instanceof Derived d && !d.basis().isEmpty()) {
            subject = d.basis().get(0);
        }
        List<String> lawOf = governing.stream().filter(dev.covenant.finding.Citation::isScoped)
                .map(dev.covenant.finding.Citation::scope).distinct().toList();
        return new Finding(rule.id(), rule.title(), rule.severity(), rule.basis(), citations,
                message == null ? rule.title() : message, new ArrayList<>(evidence.values()), exposure(rule, evidence.values(), lastConduct, days, asOf()),
                bound.restsOn, new ArrayList<>(bound.regions), subject, Review.NONE, lawOf, lastConduct.period());
    }

    /** What the finding's citations are judged against: where, when and on what ground the conduct ran. */
    private Conduct conduct(Collection<String> regions, Collection<Evidence> evidence) {
        List<Practice> practices = evidence.stream().map(Evidence::fact).filter(Practice.class::isInstance)
                .map(Practice.class::cast).toList();
        LocalDate asOf = asOf();
        Period period = during;
        if (period != null && asOf != null) {
            period = period.knownBy(asOf);
        } else if (!practices.isEmpty() && asOf != null) {
            period = Period.spanning(practices.stream().map(p -> p.period().knownBy(asOf)).toList());
        } else if (asOf != null) {
            period = new Period(asOf, asOf);
        }
        Map<String, Setting> settings = new java.util.HashMap<>();
        session(Setting.class).forEach(s -> settings.put(s.id(), s));
        return Conduct.of(regions, period, practices.stream().map(p -> LegalGround.of(p, settings::get)).toList(),
                practices.stream().map(Practice::use).toList());
    }

    private LocalDate asOf() {
        return session(AsOf.class).stream().map(AsOf::date).findFirst().orElse(null);
    }

    private <T> List<T> session(Class<T> type) {
        return context.getKieRuntime().getObjects(new ClassObjectFilter(type)).stream().map(type::cast).toList();
    }

    /**
     * The rule's {@code @exposure} over the people in the evidence — member cohorts and groups of people who are not
     * members alike (within its region, if it names one) — or, per day of violation, over the days of the conduct
     * the citations were judged against (both ends counted; {@link #during} sets them). A dated amount is the one in
     * effect on {@code as_of}, taken as the assessment date; none is stated before the first.
     */
    static Exposure exposure(RuleDescriptor rule, Collection<Evidence> evidence, Conduct conduct, List<Period> days,
            LocalDate asOf) {
        ExposureFormula formula = rule.exposure();
        if (formula == null) {
            return null;
        }
        if (formula.unit() == ExposureFormula.Unit.DAY_OF_VIOLATION) {
            Period span = conduct == null ? null : conduct.period();
            if (span == null || span.isOpen()) {
                return null;
            }
            long counted = days == null ? java.time.temporal.ChronoUnit.DAYS.between(span.from(), span.to()) + 1
                    : Period.distinctDays(days.stream().map(d -> d.knownBy(asOf)).filter(d -> !d.isOpen()).toList());
            return formula.times(counted, asOf).orElse(null);
        }
        List<People> reached = evidence.stream().map(Evidence::fact).filter(People.class::isInstance).map(People.class::cast)
                .filter(c -> formula.region() == null || c.inRegion(formula.region())).toList();
        return formula.times(People.counted(reached), asOf).orElse(null);
    }

    private static final java.util.Comparator<Finding.FindingRef> REFERENCE_ORDER =
            java.util.Comparator.comparing(Finding.FindingRef::ruleId)
                    .thenComparing(r -> r.subjectKind() == null ? "" : r.subjectKind())
                    .thenComparing(r -> r.subjectId() == null ? "" : r.subjectId())
                    .thenComparing(r -> r.at() == null ? "" : r.at().file())
                    .thenComparingInt(r -> r.at() == null ? 0 : r.at().line())
                    .thenComparingInt(r -> r.at() == null ? 0 : r.at().column())
                    .thenComparing(r -> r.message() == null ? "" : r.message());

    /** What a match bound: evidence by fact, regions of the cohorts among it, findings it rests on. */
    private static final class Bound {
        final Map<String, Evidence> evidence = new LinkedHashMap<>();
        final Set<String> regions = new TreeSet<>();
        final List<Finding.FindingRef> restsOn = new ArrayList<>();

        void collect(String role, Object value) {
            if (value instanceof Fact fact) {
                Evidence e = Evidence.of(role, fact);
                evidence.putIfAbsent(e.identity(), e);
                if (fact instanceof People people) {
                    regions.add(people.region());
                }
            } else if (value instanceof Finding finding) {
                if (!restsOn.contains(finding.ref())) {
                    restsOn.add(finding.ref());
                }
                finding.evidence().forEach(e -> evidence.putIfAbsent(e.identity(), e));
                regions.addAll(finding.regions());
            } else if (value instanceof dev.covenant.finding.Violations violations) {
                collect(role, violations.findings());
            } else if (value instanceof Derived derived) {
                derived.basis().forEach(b -> collect(role, b));
            } else if (value instanceof Collection<?> many) {
                // Findings gathered by an accumulate come in the engine's matching order, which differs
                // between a compiled and a cached pack; taken in a fixed order, the first to give a fact
                // (and so its evidence role) is always the same one.
                many.stream().filter(v -> !(v instanceof Finding)).forEach(v -> collect(role, v));
                many.stream().filter(Finding.class::isInstance).map(Finding.class::cast)
                        .sorted(java.util.Comparator.comparing(Finding::ref, REFERENCE_ORDER))
                        .forEach(v -> collect(role, v));
            }
        }
    }
}
