package dev.covenant.cli;

import dev.covenant.Covenant;
import dev.covenant.server.CovenantServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code covenant serve}: the HTTP service. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serves evaluations over HTTP (see GET /openapi.json); stops gracefully on SIGTERM.",
            "POST /v1/evaluations, GET /v1/rules, POST /v1/rules:reload, GET /healthz, GET /readyz, GET /openapi.json."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:usage error, or the address could not be bound"})
public final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RuleOptions ruleOptions;

    @Option(names = "--host", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--port", description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest request body accepted (413 beyond). Default: ${DEFAULT-VALUE}")
    long maxBody;

    @Option(names = "--max-scenarios", paramLabel = "N", description = "Most scenarios in one request (413 beyond). Default: ${DEFAULT-VALUE}")
    int maxScenarios;

    @Option(names = "--request-budget", paramLabel = "SECONDS", description = "Time allowed to evaluate one request. Default: ${DEFAULT-VALUE}")
    double requestBudget;

    @Option(names = "--max-concurrent", paramLabel = "N", description = "Evaluations at once before 429 (default: twice the cores).")
    Integer maxConcurrent;

    @Option(names = "--waivers", paramLabel = "FILE", description = "Accepted risks applied to every evaluation.")
    Path waivers;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535 || maxBody < 1 || maxScenarios < 1 || requestBudget <= 0 || (maxConcurrent != null && maxConcurrent < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port, --max-body, --max-scenarios, --request-budget and --max-concurrent must be positive");
        }
        LimitOptions.checkBudget(spec.commandLine(), "--request-budget", requestBudget);
        CovenantServer.Config defaults = CovenantServer.Config.defaults();
        CovenantServer.Config config = new CovenantServer.Config(host, port, maxBody, maxScenarios,
                Duration.ofMillis(Math.round(requestBudget * 1000)), maxConcurrent == null ? defaults.maxConcurrent() : maxConcurrent,
                defaults.shutdownGrace());
        CovenantServer server;
        try {
            server = CovenantServer.start(config);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("covenant: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            spec.commandLine().getErr().println("covenant: shutting down; finishing requests in flight");
            spec.commandLine().getErr().flush();
            server.close();
            stopped.countDown();
        }, "covenant-shutdown"));
        spec.commandLine().getErr().println("covenant: listening on http://" + host + ":" + server.port() + " (compiling rules...)");
        spec.commandLine().getErr().flush();
        Covenant.Builder builder = Covenant.builder().rules(ruleOptions.rules);
        if (waivers != null) {
            builder.waivers(waivers);
        }
        Covenant covenant = builder.build();
        server.serve(covenant);
        if (covenant.ready()) {
            spec.commandLine().getErr().println("covenant: ready (" + covenant.catalog().size() + " rules)");
        } else {
            Output.diagnostics(covenant.diagnostics(), spec.commandLine().getErr());
            spec.commandLine().getErr().println("covenant: the rules do not compile; /readyz answers 503 until POST /v1/rules:reload succeeds");
        }
        spec.commandLine().getErr().flush();
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
