package dev.covenant.cli;

import dev.covenant.engine.Limits;
import dev.covenant.records.SettingsHistory;
import dev.covenant.server.CovenantServer;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;

/**
 * Option defaults, read from the constants that own them rather than restated in annotations: the
 * engine's {@link Limits#DEFAULT}, the server's {@link CovenantServer.Config#defaults()}, the settings
 * history's cap. An option keeps one meaning across commands, so defaults are keyed by option name;
 * help texts show them through {@code ${DEFAULT-VALUE}}.
 */
final class Defaults implements CommandLine.IDefaultValueProvider {

    private static final Map<String, String> BY_OPTION = defaults();

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        return argSpec instanceof CommandLine.Model.OptionSpec option ? BY_OPTION.get(option.longestName()) : null;
    }

    private static Map<String, String> defaults() {
        CovenantServer.Config server = CovenantServer.Config.defaults();
        return Map.of(
                "--max-firings", String.valueOf(Limits.DEFAULT.maxFirings()),
                "--time-budget", seconds(Limits.DEFAULT.timeBudget()),
                "--host", server.host(),
                "--port", String.valueOf(server.port()),
                "--max-body", String.valueOf(server.maxBodyBytes()),
                "--max-scenarios", String.valueOf(server.maxScenarios()),
                "--request-budget", seconds(server.requestBudget()),
                "--max-connections", String.valueOf(server.maxConnections()),
                "--body-timeout", seconds(server.bodyTimeout()),
                "--max-history-rows", String.valueOf(SettingsHistory.DEFAULT_MAX_ROWS));
    }

    /** Whole seconds as {@code 10}, others as {@code 0.5}. */
    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
    }
}
