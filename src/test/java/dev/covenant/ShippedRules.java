package dev.covenant;

import dev.covenant.engine.RuleBase;
import java.nio.file.Path;

/** The shipped rule pack, compiled once per test JVM (compiling is the slow part). */
public final class ShippedRules {

    public static final Path RULES = Path.of("rules");
    public static final Path FIXTURES = Path.of("fixtures");
    private static RuleBase ruleBase;

    private ShippedRules() {
    }

    public static synchronized RuleBase get() {
        if (ruleBase == null) {
            ruleBase = RuleBase.compile(RULES);
            if (!ruleBase.isUsable()) {
                throw new AssertionError("shipped rules do not compile: " + ruleBase.diagnostics());
            }
        }
        return ruleBase;
    }
}
