package dev.covenant.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Runs one private session from a shared KieBase under the {@link Limits}: creates it, inserts the
 * facts, fires under the firing limit and the time budget, and disposes of it. The one place the
 * scenario engine ({@link Evaluator}) and the record engine run sessions, so a looping, slow or
 * exploding rule is stopped alike in {@code check} and in {@code audit}. Never throws for what a
 * rule does: the {@link Outcome} says how the run ended and which rule was to blame.
 */
public final class GuardedSession {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "covenant-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** How long past the budget a run that ignores the halt may go on before it is stopped. */
    static final long STOP_GRACE_MILLIS = 1_000;

    private GuardedSession() {
    }

    /** How a run ended. */
    public enum Ending {
        /** Every rule that could fire did, within the limits. */
        COMPLETED,
        /** More than {@link Limits#maxFirings()} firings: a rule that re-inserts or modifies what it matches. */
        TOO_MANY_FIRINGS,
        /** The budget ran out and the engine yielded to the halt between two firings. */
        HALTED,
        /** The budget ran out and the run ignored the halt, so its thread was stopped. */
        STOPPED,
        /** A rule's consequence (or the engine) threw. */
        FAILED
    }

    /**
     * How a run ended, and the rules to blame: {@code firing} was firing when it ended (null between
     * firings), {@code matching} was at the head of the agenda when a stopped run was stopped (for a
     * failed run: the rule whose constraint failed, with where it is declared and the constraint), and
     * {@code busiest} fired most ({@code busiestCount} times).
     */
    public record Outcome(Ending ending, int fired, String firing, String matching, String busiest, int busiestCount,
            Throwable failure) {

        public boolean completed() {
            return ending == Ending.COMPLETED;
        }

        /**
         * Why a run that did not complete is an error, naming the rule: the one wording for scenarios
         * and record chunks. Null for a completed run.
         */
        public String problem(Limits limits) {
            return switch (ending) {
                case COMPLETED -> null;
                case HALTED -> "evaluation exceeded its time budget of " + limits.timeBudget().toMillis() + " ms" + busiestRule();
                case TOO_MANY_FIRINGS -> "evaluation stopped after " + limits.maxFirings() + " rule firings" + busiestRule()
                        + "; does a rule re-insert or modify facts it matches?";
                case STOPPED -> "evaluation exceeded its time budget of " + limits.timeBudget().toMillis()
                        + " ms and did not yield to the halt, so it was stopped"
                        + (firing != null ? "; rule '" + firing + "' was firing"
                                : matching == null ? "" : "; the engine was matching the conditions of rule '" + matching + "'");
                case FAILED -> "evaluation failed" + (firing != null ? " in rule '" + firing + "'"
                        : matching == null ? "" : " in the conditions of rule '" + matching) + ": " + rootMessage(failure);
            };
        }

        private String busiestRule() {
            return busiest == null ? "" : "; rule '" + busiest + "' fired " + busiestCount + " times";
        }
    }

    /** What the caller does inside the session. */
    public interface Use {
        /** Before any fact is inserted: add listeners. */
        default void open(KieSession session) {
        }

        /** After a run that completed, before the session is disposed: read what the rules inserted. */
        default void completed(KieSession session) {
        }
    }

    /** The nothing-to-add use. */
    public static final Use PLAIN = new Use() {
    };

    /**
     * Runs a new session of {@code kieBase} over {@code facts} (inserted in order), firing only the
     * matches {@code filter} accepts (null: every match).
     */
    public static Outcome run(KieBase kieBase, Limits limits, AgendaFilter filter, Use use, Iterable<?>... facts) {
        KieSession session = kieBase.newKieSession();
        Firings firings = new Firings();
        IN_FLIGHT.add(firings);
        AtomicBoolean timedOut = new AtomicBoolean();
        Stopper stopper = new Stopper(Thread.currentThread(), session);
        ScheduledFuture<?> watchdog = null;
        try {
            session.addEventListener(firings);
            use.open(session);
            for (Iterable<?> group : facts) {
                for (Object fact : group) {
                    session.insert(fact);
                }
            }
            watchdog = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                session.halt();
                // Only a run that has run out of time needs the second deadline; a stopper whose run
                // has finished does nothing.
                WATCHDOG.schedule(stopper::stopIfRunning, STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }, limits.timeBudget().toMillis(), TimeUnit.MILLISECONDS);
            int limit = limits.maxFirings() + 1;
            int fired = filter == null ? session.fireAllRules(limit) : session.fireAllRules(filter, limit);
            stopper.finished();
            watchdog.cancel(false);
            if (timedOut.get()) {
                return firings.outcome(Ending.HALTED, fired, null, null);
            }
            if (fired > limits.maxFirings()) {
                return firings.outcome(Ending.TOO_MANY_FIRINGS, fired, null, null);
            }
            use.completed(session);
            return firings.outcome(Ending.COMPLETED, fired, null, null);
        } catch (RuntimeException e) {
            stopper.finished();
            if (stopper.stopped) {
                // Drools may wrap the ThreadDeath on its way out.
                return stopped(firings, stopper);
            }
            // A constraint that fails while the engine matches fails outside any firing: name the rule
            // whose constraint it is (and where), from the constraint MVEL's message quotes.
            return firings.outcome(Ending.FAILED, firings.total, firings.firing == null ? DrlDiagnostics.blame(kieBase, e) : null, e);
        } catch (ThreadDeath death) {
            return stopped(firings, stopper);
        } catch (StackOverflowError | LinkageError | AssertionError e) {
            // Thrown by what a rule does (recursion, a class it cannot load, an assert), and over once the
            // stack has unwound to here: the run's failure, naming the rule, like an exception's. The
            // JVM's other failures (out of memory) are not the rule's to answer for and go on up.
            stopper.finished();
            return firings.outcome(Ending.FAILED, firings.total, null, e);
        } finally {
            IN_FLIGHT.remove(firings);
            stopper.finished();
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            session.dispose();
        }
    }

    /** The runs in progress in this JVM, so that an exit during one can name the rule that was firing. */
    private static final java.util.Set<Firings> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A rule firing right now in some run of this JVM, or null when none is (between firings, or no run). */
    public static String firingNow() {
        for (Firings firings : IN_FLIGHT) {
            String rule = firings.firing;
            if (rule != null) {
                return rule;
            }
        }
        return null;
    }

    private static Outcome stopped(Firings firings, Stopper stopper) {
        // The JVM also interrupts a thread it stops (to wake it from waits); left set, the flag
        // breaks the next compile or evaluation on this thread.
        Thread.interrupted();
        return firings.outcome(Ending.STOPPED, firings.total, stopper.matching, null);
    }

    /** Counts firings per rule and notes the rule firing now, to name the rule to blame. */
    private static final class Firings extends DefaultAgendaEventListener {
        final Map<String, Integer> byRule = new HashMap<>();
        volatile String firing;
        int total;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            firing = event.getMatch().getRule().getName();
            byRule.merge(firing, 1, Integer::sum);
            total++;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            firing = null;
        }

        Outcome outcome(Ending ending, int fired, String matching, Throwable failure) {
            Map.Entry<String, Integer> busiest = byRule.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElse(null);
            return new Outcome(ending, fired, firing, matching, busiest == null ? null : busiest.getKey(),
                    busiest == null ? 0 : busiest.getValue(), failure);
        }
    }

    /**
     * Halting only takes effect between rule firings: Phreak evaluates one rule's conditions in a
     * single step, so a join or accumulate that explodes would run (and hold its memory) to the end.
     * A second deadline, {@link #STOP_GRACE_MILLIS} after the budget, stops the evaluating thread.
     * That is safe here because the session is private to this run and is discarded; the shared
     * KieBase is only read during evaluation. Where the JVM no longer supports {@code Thread.stop}
     * (Java 20+), the caller's outer wait ({@link Limits#outerWait()}) abandons the run instead.
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
                stopped = false; // Java 20+: left to the caller's outer wait.
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return root.getClass().getSimpleName() + (text == null ? "" : ": " + text.lines().findFirst().orElse(""));
    }
}
