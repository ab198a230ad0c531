package dev.covenant.records;

import dev.covenant.engine.GuardedSession;
import dev.covenant.model.ConsentClaims;
import dev.covenant.engine.Limits;
import dev.covenant.engine.RuleBase;
import dev.covenant.finding.ExposureFormula;
import dev.covenant.finding.RuleDescriptor;
import dev.covenant.finding.Conduct;
import dev.covenant.model.LegalGround;
import dev.covenant.model.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

/**
 * Judges data-use records with the record rules: one session per chunk of records (a session per
 * record would cost more than the rules), the scenario's context facts inserted into each. Record
 * rules never join records with each other, so chunking and order do not change what is found.
 * Each chunk's session runs under the limits by {@link GuardedSession}, as a scenario's does.
 * Thread-safe; one instance per JVM serves every thread (and, on Spark, every task of an executor).
 */
public final class RecordEngine {

    private final RuleBase rules;
    private final List<Object> context;
    private final Limits limits;
    private final Map<Rule, RuleDescriptor> byRule = new ConcurrentHashMap<>();

    /** @param context the scenario's facts the record rules may match (platform, promises, settings, ...) */
    public RecordEngine(RuleBase rules, List<Object> context, Limits limits) {
        if (!rules.isUsable()) {
            throw new IllegalArgumentException("record rules have diagnostics and cannot evaluate");
        }
        this.rules = rules;
        this.context = List.copyOf(context);
        this.limits = limits;
    }

    /**
     * The scenario facts record rules may match: the platform, its promises and statements, its settings,
     * its practices and their retentions, and the consent they claim by use and category ({@link ConsentClaims}).
     */
    public static List<Object> contextOf(dev.covenant.model.Scenario scenario) {
        List<Object> facts = new ArrayList<>();
        facts.add(scenario.platform());
        facts.addAll(scenario.promises());
        facts.addAll(scenario.settings());
        facts.addAll(scenario.practices());
        facts.addAll(scenario.retentions());
        facts.add(ConsentClaims.of(scenario.practices()));
        return facts;
    }

    public RuleBase rules() {
        return rules;
    }

    /**
     * The findings for these records, in record order then rule id. A finding none of whose
     * citations applies where the member lives is not reported (as for scenario findings).
     */
    public List<Flag> evaluate(List<UseRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<RecordFinding> raw = new ArrayList<>();
        GuardedSession.Outcome outcome = GuardedSession.run(rules.kieBase(), limits, null, new GuardedSession.Use() {
            @Override
            public void completed(KieSession session) {
                for (Object o : session.getObjects(o -> o instanceof RecordFinding)) {
                    raw.add((RecordFinding) o);
                }
            }
        }, context, records);
        if (!outcome.completed()) {
            throw new EvaluationException(outcome.problem(limits), outcome.failure());
        }
        java.util.IdentityHashMap<UseRecord, Integer> order = new java.util.IdentityHashMap<>(records.size() * 2);
        for (int i = 0; i < records.size(); i++) {
            order.put(records.get(i), i);
        }
        List<Flag> flags = new ArrayList<>(raw.size());
        for (RecordFinding f : raw) {
            RuleDescriptor rule = descriptor(f.rule());
            List<String> applicable = new ArrayList<>(rule.citationsFor(conduct(f)));
            // Reported only when one of the rule's own citations governs the use; those the rule adds
            // (the subsection that binds the platform) never carry a finding alone.
            boolean governed = !applicable.isEmpty();
            f.citing().stream().filter(c -> !applicable.contains(c)).forEach(applicable::add);
            if (governed) {
                flags.add(new Flag(f.record(), rule, applicable, against(f.against())));
            }
        }
        // Record order within the chunk (its input order), then rule id, then what it was held against.
        flags.sort(Comparator.comparingInt((Flag f) -> order.get(f.record()))
                .thenComparing(f -> f.rule().id()).thenComparing(Flag::against));
        return flags;
    }

    /**
     * A record finding's conduct: one use, on its day, of a member where the member lives; its ground is that of
     * the setting it was held against (a setting defaulting off is consent given by turning it on), or else of
     * every setting enabling the use there.
     */
    static Conduct conduct(RecordFinding f) {
        UseRecord r = f.record();
        List<SettingAtUse> settings = f.against() instanceof SettingAtUse held ? List.of(held) : r.settings();
        return Conduct.of(List.of(r.region()), new Period(r.used(), r.used()),
                settings.stream().map(s -> LegalGround.ofSettingDefault(s.defaultOn())).toList(), List.of(r.use()));
    }

    /**
     * The record rules did not complete on a chunk (a rule threw, looped, or ran past the time
     * budget); the message says why and names the rule, in the words a scenario's error uses.
     */
    public static final class EvaluationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EvaluationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Limits limits() {
        return limits;
    }

    /** One reported finding on one record. {@code against} says what the record was held against. */
    public record Flag(UseRecord record, RuleDescriptor rule, List<String> citations, String against) {
    }

    /** Every record rule's metadata by id (to write a summary from aggregates, as on Spark). */
    public Map<String, RuleDescriptor> rulesById() {
        Map<String, RuleDescriptor> byId = new java.util.TreeMap<>();
        rules.catalog().obligations().forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    /**
     * What the record audit asks of record rules beyond the catalog's checks: an {@code @exposure} must
     * count distinct members ({@code "1000 USD per distinct member"}), the one unit a summary can count.
     */
    public static List<dev.covenant.source.Diagnostic> lint(RuleBase rules) {
        List<dev.covenant.source.Diagnostic> problems = new ArrayList<>();
        for (RuleDescriptor rule : rules.catalog().obligations()) {
            ExposureFormula exposure = rule.exposure();
            if (exposure != null && (exposure.unit() != ExposureFormula.Unit.DISTINCT_MEMBER || exposure.region() != null)) {
                problems.add(new dev.covenant.source.Diagnostic(rule.declared(), "rule '" + rules.catalog().rule(rule.id()).name()
                        + "': @exposure \"" + exposure + "\" must read like \"1000 USD per distinct member\""));
            }
        }
        return problems;
    }

    private RuleDescriptor descriptor(Rule rule) {
        return byRule.computeIfAbsent(rule, r -> rules.catalog().get(r).descriptor());
    }

    /** Descriptions of what records were held against: few distinct ones, each asked for many times. */
    private final Map<Object, String> againstText = new ConcurrentHashMap<>();

    private String against(Object o) {
        if (o == null) {
            return "";
        }
        String known = againstText.get(o);
        if (known == null) {
            known = describe(o);
            if (againstText.size() < 100_000) {
                againstText.put(o, known);
            }
        }
        return known;
    }

    private static String describe(Object o) {
        if (o instanceof SettingAtUse s) {
            // Only what the history shows: the member's last change before the use date (a value set,
            // not necessarily a switch from the other one), or none; a change on the use date itself
            // is not ordered against the use, and is named as such.
            String state = s.byMember()
                    ? " set " + (s.on() ? "on" : "off") + " by the member on " + s.changedOn() + ", its last change by the member before the use date"
                    : " " + (s.on() ? "on" : "off") + " by default (introduced " + s.introduced() + "), no change by the member before the use date";
            return "setting " + s.settingId() + state
                    + (s.changedOnUseDate() ? "; the member also changed it on the use date itself, not counted: the log does not order that change against the use" : "");
        }
        if (o instanceof dev.covenant.model.Retention r) {
            return r.describe();
        }
        if (o instanceof dev.covenant.model.Promise p) {
            return p.promiseKind().key() + " " + p.id() + " (" + p.span().location() + ")";
        }
        return o.toString();
    }
}
