package dev.covenant.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.finding.Timeline;
import dev.covenant.model.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * for every rule; each scenario is bounded in rule firings and time.
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "covenant-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** How long past the budget an evaluation that ignores the halt may run before it is stopped. */
    static final long STOP_GRACE_MILLIS = 1_000;

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
        KieSession session = ruleBase.kieBase().newKieSession();
        AtomicBoolean timedOut = new AtomicBoolean();
        Stopper stopper = new Stopper(Thread.currentThread(), session);
        ScheduledFuture<?> watchdog = null;
        try {
            session.addEventListener(collector.agenda);
            session.addEventListener(collector.runtime);
            for (Object fact : scenario.facts()) {
                session.insert(fact);
            }
            long budget = limits.timeBudget().toMillis();
            watchdog = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                session.halt();
                // Only an evaluation that has run out of time needs the second deadline; a stopper
                // whose evaluation has finished does nothing.
                WATCHDOG.schedule(stopper::stopIfRunning, STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }, budget, TimeUnit.MILLISECONDS);
            AgendaFilter inForce = match -> {
                RuleInfo info = ruleBase.catalog().get(match.getRule());
                return info == null || info.inForceOn(scenario.asOf());
            };
            int fired = session.fireAllRules(inForce, limits.maxFirings() + 1);
            stopper.finished();
            watchdog.cancel(false);
            if (timedOut.get()) {
                return collector.trace(error(scenario, collector, "evaluation exceeded its time budget of "
                        + limits.timeBudget().toMillis() + " ms" + collector.busiestRule()));
            }
            if (fired > limits.maxFirings()) {
                return collector.trace(error(scenario, collector, "evaluation stopped after " + limits.maxFirings()
                        + " rule firings" + collector.busiestRule() + "; does a rule re-insert or modify facts it matches?"));
            }
            if (collector.silentRule != null) {
                return collector.trace(error(scenario, collector, "rule '" + collector.silentRule + "' (an obligation rule) fired but reported"
                        + " no finding; end its consequence with finding(kcontext)...report()"));
            }
            if (tracing) {
                collector.facts.addAll(session.getObjects());
            }
            LOG.info("scenario {} evaluated: {} facts, {} rule firings, {} findings, in {} ms", scenario.file(),
                    scenario.facts().size(), fired, collector.findings.size(), (System.nanoTime() - start) / 1_000_000);
            return collector.trace(new ScenarioResult(scenario.file(), scenario.id(), scenario.title(), scenario.asOf(),
                    ScenarioResult.Status.EVALUATED, collector.findings, List.of(), null, Timeline.of(scenario),
                    warnings(scenario)));
        } catch (RuntimeException e) {
            stopper.finished();
            if (stopper.stopped) {
                // Drools may wrap the ThreadDeath on its way out.
                return collector.trace(stopped(scenario, collector, stopper));
            }
            String rule = collector.firing == null ? "" : " in rule '" + collector.firing + "'";
            return collector.trace(error(scenario, collector, "evaluation failed" + rule + ": " + rootMessage(e)));
        } catch (ThreadDeath death) {
            return collector.trace(stopped(scenario, collector, stopper));
        } finally {
            stopper.finished();
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            session.dispose();
        }
    }

    /**
     * Halting only takes effect between rule firings: Phreak evaluates one rule's conditions in a
     * single step, so a join or accumulate that explodes would run (and hold its memory) to the end.
     * A second deadline, {@link #STOP_GRACE_MILLIS} after the budget, stops the evaluating thread.
     * That is safe here because the session is private to this evaluation and is discarded; the shared
     * KieBase is only read during evaluation. Where the JVM no longer supports {@code Thread.stop}
     * (Java 20+), the batch's outer wait abandons the scenario instead.
     */
    private static final class Stopper {
        private final Thread worker;
        private final KieSession session;
        private boolean done;
        volatile String matching;
        volatile boolean stopped;

        Stopper(Thread worker, KieSession session) {
            this.worker = worker;
            this.session = session;
        }

        synchronized void finished() {
            done = true;
        }

        @SuppressWarnings({"removal", "deprecation"})
        synchronized void stopIfRunning() {
            if (done) {
                return;
            }
            matching = ruleBeingMatched(session);
            try {
                stopped = true;
                worker.stop();
                done = true;
            } catch (UnsupportedOperationException notOnThisJvm) {
                stopped = false; // Java 20+: left to Batch's outer wait.
            }
        }
    }

    /** The rule at the head of the agenda: the one whose conditions Phreak is evaluating. Diagnostic only. */
    private static String ruleBeingMatched(KieSession session) {
        try {
            if (session instanceof org.drools.core.common.ReteEvaluator evaluator) {
                org.drools.core.phreak.RuleAgendaItem item = evaluator.getActivationsManager().peekNextRule();
                return item == null ? null : item.getRule().getName();
            }
        } catch (RuntimeException racing) {
            // The agenda is being changed by the evaluating thread; the message just names no rule.
        }
        return null;
    }

    private ScenarioResult stopped(Scenario scenario, Collector collector, Stopper stopper) {
        // The JVM also interrupts a thread it stops (to wake it from waits); left set, the flag
        // breaks the next compile or evaluation on this thread.
        Thread.interrupted();
        String rule = collector.firing != null ? "; rule '" + collector.firing + "' was firing"
                : stopper.matching == null ? "" : "; the engine was matching the conditions of rule '" + stopper.matching + "'";
        return error(scenario, collector, "evaluation exceeded its time budget of " + limits.timeBudget().toMillis()
                + " ms and did not yield to the halt, so it was stopped" + rule);
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return root.getClass().getSimpleName() + (text == null ? "" : ": " + text.lines().findFirst().orElse(""));
    }

    /** Listens to one session: collects findings, counts firings per rule, notes silent obligation rules. */
    private static final class Collector {
        final List<Finding> findings = new ArrayList<>();
        final Map<String, Integer> firings = new HashMap<>();
        final RuleCatalog catalog;
        final boolean tracing;
        final Map<Object, Trace.Derivation> derivations = new java.util.IdentityHashMap<>();
        final List<Object> facts = new ArrayList<>();
        org.kie.api.runtime.rule.Match current;
        String firing;
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
                firing = event.getMatch().getRule().getName();
                current = event.getMatch();
                reportedAtStart = reported;
                firings.merge(firing, 1, Integer::sum);
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                RuleInfo info = catalog.get(event.getMatch().getRule());
                if (info != null && !info.derive() && reported == reportedAtStart && silentRule == null) {
                    silentRule = info.name();
                }
                firing = null;
                current = null;
            }
        };

        String busiestRule() {
            return firings.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> "; rule '" + e.getKey() + "' fired " + e.getValue() + " times")
                    .orElse("");
        }
    }
}
