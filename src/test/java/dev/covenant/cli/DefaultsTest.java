package dev.covenant.cli;

import static dev.covenant.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.engine.Limits;
import dev.covenant.records.SettingsHistory;
import dev.covenant.server.CovenantServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option defaults are the owners' constants, not copies of them, and the help shows those values. */
class DefaultsTest {

    @Test
    void options_left_out_take_the_constants_of_the_engine_the_server_and_the_audit() {
        CheckCommand check = parsed("check");
        assertThat(check.limitOptions.maxFirings).isEqualTo(Limits.DEFAULT.maxFirings());
        assertThat(Math.round(check.limitOptions.timeBudget * 1000)).isEqualTo(Limits.DEFAULT.timeBudget().toMillis());

        CovenantServer.Config server = CovenantServer.Config.defaults();
        ServeCommand serve = parsed("serve");
        assertThat(serve.host).isEqualTo(server.host());
        assertThat(serve.port).isEqualTo(server.port());
        assertThat(serve.maxBody).isEqualTo(server.maxBodyBytes());
        assertThat(serve.maxScenarios).isEqualTo(server.maxScenarios());
        assertThat(Math.round(serve.requestBudget * 1000)).isEqualTo(server.requestBudget().toMillis());
        assertThat(Math.round(serve.bodyTimeout * 1000)).isEqualTo(server.bodyTimeout().toMillis());
        assertThat(serve.allowedHosts).isEmpty();

        AuditCommand audit = parsed("audit", "--scenario", "s.yaml", "--records", "r.csv", "--out", "o");
        assertThat(audit.maxHistoryRows).isEqualTo(SettingsHistory.DEFAULT_MAX_ROWS);
        assertThat(audit.limitOptions.maxFirings).isEqualTo(Limits.DEFAULT.maxFirings());
        assertThat(Math.round(audit.limitOptions.timeBudget * 1000)).isEqualTo(Limits.DEFAULT.timeBudget().toMillis());
    }

    @Test
    void given_options_still_win_and_help_shows_the_defaults() {
        assertThat(((CheckCommand) parsed("check", "--max-firings", "7")).limitOptions.maxFirings).isEqualTo(7);
        assertThat(run("check", "--help").out()).contains("Default: " + Limits.DEFAULT.maxFirings(),
                "Default: " + Limits.DEFAULT.timeBudget().toSeconds());
        assertThat(run("serve", "--help").out()).contains("Default: " + CovenantServer.Config.defaults().port());
    }

    @SuppressWarnings("unchecked")
    private static <T> T parsed(String... args) {
        CommandLine.ParseResult result = Main.commandLine().parseArgs(args);
        return (T) result.subcommand().commandSpec().userObject();
    }
}
