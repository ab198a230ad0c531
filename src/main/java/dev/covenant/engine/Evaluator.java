package dev.covenant.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Timeline;
import dev.covenant.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Evaluates one scenario in its own session from the shared KieBase. Findings are collected by a
 * listener as rules insert them; {@code @effective}/{@code @expires} are honoured by one agenda filter
 * for every rule; each scenario is bounded in rule firings and time by {@link GuardedSession}.
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final RuleBase ruleBase;
    private final Limits limits;

    public Evaluator(RuleBase ruleBase, Limits limits) {
        if (!ruleBase.isUsable()) {
            throw new IllegalArgumentException("rule base has diagnostics and cannot evaluate");
        }
        this.ruleBase = ruleBase;
        this.limits = limits;
    }

    public RuleBase ruleBase() {
        return ruleBase;
    }

    public Limits limits() {
        return limits;
    }

    public ScenarioResult evaluate(Scenario scenario) {
        return run(scenario, false).result();
    }

    /** Evaluates and records how every finding and derived fact came about (for {@code covenant explain}). */
    public Trace trace(Scenario scenario) {
        return run(scenario, true);
    }

    private Trace run(Scenario scenario, boolean tracing) {
        long start = System.nanoTime();
        Collector collector = new Collector(ruleBase.catalog(), tracing);
        AgendaFilter inForce = match -> {
            RuleInfo info = ruleBase.catalog().get(match.getRule());
            return info == null || info.inForceOn(scenario.asOf());
        };
        GuardedSession.Outcome outcome = GuardedSession.run(ruleBase.kieBase(), limits, inForce, new GuardedSession.Use() {
            @Override
            public void open(KieSession session) {
                session.addEventListener(collector.agenda);
                session.addEventListener(collector.runtime);
            }

            @Override
            public void completed(KieSession session) {
                if (tracing && collector.silentRule == null) {
                    collector.facts.addAll(session.getObjects());
                }
            }
        }, scenario.facts());
        if (!outcome.completed()) {
            return collector.trace(error(scenario, collector, outcome.problem(limits)));
        }
        if (collector.silentRule != null) {
            return collector.trace(error(scenario, collector, "rule '" + collector.silentRule + "' (an obligation rule) fired but reported"
                    + " no finding; end its consequence with finding(kcontext)...report()"));
        }
        LOG.info("scenario {} evaluated: {} facts, {} rule firings, {} findings, in {} ms", scenario.file(),
                scenario.facts().size(), outcome.fired(), collector.findings.size(), (System.nanoTime() - start) / 1_000_000);
        return collector.trace(new ScenarioResult(scenario.file(), scenario.id(), scenario.title(), scenario.asOf(),
                ScenarioResult.Status.EVALUATED, collector.findings, List.of(), null, Timeline.of(scenario),
                warnings(scenario)));
    }

    private ScenarioResult error(Scenario scenario, Collector collector, String message) {
        return new ScenarioResult(scenario.file(), scenario.id(), scenario.title(), scenario.asOf(),
                ScenarioResult.Status.ERROR, List.of(), List.of(), message, Timeline.of(scenario), warnings(scenario));
    }

    /** The loader's warnings and those that need the pack (regions no citation reaches). */
    private List<dev.covenant.source.Diagnostic> warnings(Scenario scenario) {
        List<dev.covenant.source.Diagnostic> warnings = new ArrayList<>(scenario.warnings());
        warnings.addAll(RegionCoverage.warnings(scenario, ruleBase.catalog()));
        return warnings;
    }

    /** Listens to one session: collects findings (and, tracing, how each fact came about), notes silent obligation rules. */
    private static final class Collector {
        final List<Finding> findings = new ArrayList<>();
        final RuleCatalog catalog;
        final boolean tracing;
        final Map<Object, Trace.Derivation> derivations = new java.util.IdentityHashMap<>();
        final List<Object> facts = new ArrayList<>();
        org.kie.api.runtime.rule.Match current;
        String silentRule;
        int reported;
        int reportedAtStart;

        Collector(RuleCatalog catalog, boolean tracing) {
            this.catalog = catalog;
            this.tracing = tracing;
        }

        Trace trace(ScenarioResult result) {
            return new Trace(result, derivations, facts);
        }

        final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (tracing && current != null) {
                    Map<String, Object> bindings = new java.util.TreeMap<>();
                    for (String id : current.getDeclarationIds()) {
                        String name = Declarations.authored(id);
                        // A DRL name bound at the top wins over the same name renamed in a nested scope.
                        if (name != null && (name.equals(id) || !bindings.containsKey(name))) {
                            bindings.put(name, current.getDeclarationValue(id));
                        }
                    }
                    derivations.put(event.getObject(), new Trace.Derivation(catalog.get(current.getRule()), bindings));
                }
                if (event.getObject() instanceof Finding finding) {
                    findings.add(finding);
                    reported++;
                } else if (event.getObject() instanceof FindingBuilder.OutOfReach) {
                    reported++;
                }
            }
        };

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                current = event.getMatch();
                reportedAtStart = reported;
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                RuleInfo info = catalog.get(event.getMatch().getRule());
                if (info != null && !info.derive() && reported == reportedAtStart && silentRule == null) {
                    silentRule = info.name();
                }
                current = null;
            }
        };
    }
}
