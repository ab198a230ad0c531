package dev.covenant.records;

import dev.covenant.engine.RuleBase;
import dev.covenant.engine.RuleSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The shipped record rules, compiled once per test JVM. */
final class RecordRules {

    private static RuleBase rules;

    private RecordRules() {
    }

    static synchronized RuleBase shipped() {
        if (rules == null) {
            try {
                rules = RuleBase.compile(RuleSources.readRecords(Path.of("rules")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!rules.isUsable()) {
                throw new AssertionError("record rules do not compile: " + rules.diagnostics());
            }
        }
        return rules;
    }
}
