package dev.covenant.cli;

import dev.covenant.Covenant;
import dev.covenant.server.CovenantServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    @Option(names = "--max-connections", paramLabel = "N", description = "Open connections at most; more wait to be accepted. Default: ${DEFAULT-VALUE}")
    int maxConnections;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", description = "Time allowed to receive a request body (408 beyond)."
            + " Default: ${DEFAULT-VALUE}")
    double bodyTimeout;

    @Option(names = "--allowed-host", paramLabel = "NAME", description = {"A host name clients may use in Host (and a page's Origin) besides"
            + " the listening address's own (for loopback: localhost, 127.0.0.1, [::1]); repeatable.",
            "Others are refused (403), so that a web page cannot reach the server by pointing its own name at this address (DNS rebinding)."})
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--token-file", paramLabel = "FILE", description = {"A file holding the bearer token every request but GET /healthz must send"
            + " (Authorization: Bearer TOKEN); at least 16 characters.", "Required when --host is not a loopback address."})
    Path tokenFile;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535 || maxBody < 1 || maxScenarios < 1 || requestBudget <= 0 || (maxConcurrent != null && maxConcurrent < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port, --max-body, --max-scenarios, --request-budget and --max-concurrent must be positive");
        }
        LimitOptions.checkBudget(spec.commandLine(), "--request-budget", requestBudget);
        if (!(bodyTimeout >= MIN_BODY_TIMEOUT_SECONDS && bodyTimeout <= MAX_BODY_TIMEOUT_SECONDS)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--body-timeout " + bodyTimeout + " is out of range: from "
                    + MIN_BODY_TIMEOUT_SECONDS + " to " + MAX_BODY_TIMEOUT_SECONDS + " seconds");
        }
        for (String name : allowedHosts) {
            if (name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c > '~' || c == '/' || c == '@')) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--allowed-host '" + name
                        + "' is not a host name (write it as in a URL: covenant.internal, 10.0.0.5 or [fd00::5], a port is ignored)");
            }
        }
        if (maxConnections < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-connections must be positive");
        }
        String token = tokenFile == null ? null : token(tokenFile);
        if (token == null && !loopback(host)) {
            // Any web page or host on the network could otherwise post to the API.
            throw new CommandLine.ParameterException(spec.commandLine(), "--host " + host + " is not a loopback address; serving"
                    + " beyond this machine needs --token-file FILE (a bearer token every request must send)");
        }
        CovenantServer.Config defaults = CovenantServer.Config.defaults();
        CovenantServer.Config config = new CovenantServer.Config(host, port, maxBody, maxScenarios,
                Duration.ofMillis(Math.round(requestBudget * 1000)), maxConcurrent == null ? defaults.maxConcurrent() : maxConcurrent,
                defaults.shutdownGrace(), maxConnections, Duration.ofMillis(Math.round(bodyTimeout * 1000)), token, allowedHosts);
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

    /** A body may take from one second (a large one over a slow link needs more) to an hour (each holds a connection). */
    static final double MIN_BODY_TIMEOUT_SECONDS = 1;
    static final double MAX_BODY_TIMEOUT_SECONDS = 3600;

    /** The token in the file, without surrounding white space; a file that cannot serve as one is a usage error. */
    private String token(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--token-file " + file + ": cannot read it: " + rootMessage(e));
        }
        if (token.length() < 16 || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--token-file " + file
                    + ": the token must be at least 16 printable ASCII characters, without spaces");
        }
        return token;
    }

    /** True when the address is this machine only (127.0.0.0/8, ::1, or a name resolving to one). */
    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // the bind fails later with its own message; no token is then no reason to refuse
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
