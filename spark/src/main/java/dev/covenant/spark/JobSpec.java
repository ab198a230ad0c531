package dev.covenant.spark;

import dev.covenant.engine.Limits;
import dev.covenant.engine.RuleBase;
import dev.covenant.engine.RuleSources;
import dev.covenant.model.Scenario;
import dev.covenant.records.RecordEngine;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import dev.covenant.source.Diagnostic;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every executor needs to judge records: the record rules' text and the context scenario's
 * bytes and the per-chunk limits, shipped with the tasks. Each executor JVM compiles them once ({@link #engine()}), keyed by
 * a hash of both, and reuses the engine for every task and partition it runs.
 */
final class JobSpec implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

    private final TreeMap<String, String> ruleFiles;
    private final String rulesDisplay;
    private final byte[] scenario;
    private final String scenarioDisplay;
    private final String key;
    private final int maxFirings;
    private final long timeBudgetMillis;

    JobSpec(RuleSources rules, byte[] scenario, String scenarioDisplay, Limits limits) {
        this.ruleFiles = new TreeMap<>(rules.files());
        this.rulesDisplay = rules.root().toString();
        this.scenario = scenario.clone();
        this.scenarioDisplay = scenarioDisplay;
        this.maxFirings = limits.maxFirings();
        this.timeBudgetMillis = limits.timeBudget().toMillis();
        this.key = hash(rules.contentHash(), scenario) + "/" + maxFirings + "/" + timeBudgetMillis;
    }

    /** The compiled record rules and the scenario, built once per JVM. */
    record Built(RecordEngine engine, Scenario scenario) {
    }

    /**
     * A scenario or record rules that {@code covenant audit} would refuse (scenario, rule or
     * {@code @exposure} diagnostics): raised on the driver, before any task runs.
     */
    static final class Unusable extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final transient List<Diagnostic> diagnostics;

        Unusable(List<Diagnostic> diagnostics) {
            super(String.join("\n", diagnostics.stream().map(Diagnostic::format).toList()));
            this.diagnostics = List.copyOf(diagnostics);
        }

        List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    Built built() {
        return BUILT.computeIfAbsent(key, k -> {
            LoadResult loaded = ScenarioLoader.parse(scenario, scenarioDisplay);
            if (!loaded.isValid()) {
                throw new Unusable(loaded.diagnostics());
            }
            RuleBase rules = dev.covenant.engine.PackLoader.compiling().load(new RuleSources(Path.of(rulesDisplay), ruleFiles));
            if (!rules.isUsable()) {
                throw new Unusable(rules.diagnostics());
            }
            // The same metadata check covenant audit makes before reading a record.
            List<Diagnostic> lint = RecordEngine.lint(rules);
            if (!lint.isEmpty()) {
                throw new Unusable(lint);
            }
            return new Built(new RecordEngine(rules, RecordEngine.contextOf(loaded.scenario()),
                    new Limits(maxFirings, java.time.Duration.ofMillis(timeBudgetMillis))), loaded.scenario());
        });
    }

    private static String hash(String rules, byte[] scenario) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(rules.getBytes(StandardCharsets.UTF_8));
            digest.update(scenario);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
