package dev.covenant.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.covenant.Covenant;
import dev.covenant.source.Version;
import dev.covenant.finding.Report;
import dev.covenant.report.Json;
import dev.covenant.report.JsonDiagnostic;
import dev.covenant.report.JsonRenderer;
import dev.covenant.report.SarifRenderer;
import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import dev.covenant.source.Diagnostic;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code covenant serve}: the same evaluation over HTTP, on Undertow. Bodies are bounded (413), so is
 * the number of scenarios per request; concurrent evaluations are bounded and overload is answered 429
 * with Retry-After, never a 5xx; shutdown stops taking requests and finishes those in flight. Every error
 * is JSON: {@code {"error": {"status", "code", "message", "diagnostics"}}}. The API is described by
 * {@code /openapi.json}, which a test keeps in agreement with {@link #ROUTES}.
 */
public final class CovenantServer implements AutoCloseable {

    /** Every route the server answers, as "METHOD path"; the OpenAPI document lists exactly these. */
    public static final List<String> ROUTES = List.of(
            "POST /v1/evaluations", "GET /v1/rules", "POST /v1/rules:reload", "GET /healthz", "GET /readyz", "GET /openapi.json");

    /** How the server listens and what it accepts. */
    public record Config(String host, int port, long maxBodyBytes, int maxScenarios, Duration requestBudget,
            int maxConcurrent, Duration shutdownGrace) {

        public static Config defaults() {
            return new Config("127.0.0.1", 8080, 1024 * 1024, 100, Duration.ofSeconds(30),
                    Math.max(2, Runtime.getRuntime().availableProcessors() * 2), Duration.ofSeconds(30));
        }

        public Config withPort(int newPort) {
            return new Config(host, newPort, maxBodyBytes, maxScenarios, requestBudget, maxConcurrent, shutdownGrace);
        }
    }

    private static final long DRAIN_FACTOR = 16;
    private static final String SARIF_TYPE = "application/sarif+json";

    private final Config config;
    private final AtomicReference<Covenant> covenant = new AtomicReference<>();
    private final Semaphore evaluations;
    private final GracefulShutdownHandler graceful;
    private final Undertow undertow;

    private CovenantServer(Config config) {
        this.config = config;
        this.evaluations = new Semaphore(config.maxConcurrent());
        RoutingHandler routes = Handlers.routing()
                .post("/v1/evaluations", new BlockingHandler(this::evaluate))
                .get("/v1/rules", this::rules)
                .post("/v1/rules:reload", new BlockingHandler(this::reload))
                .get("/healthz", exchange -> json(exchange, 200, new Health("ok", null)))
                .get("/readyz", this::ready)
                .get("/openapi.json", this::openApi)
                .setFallbackHandler(exchange -> error(exchange, 404, "not-found", "no such endpoint: " + exchange.getRequestPath(), List.of()))
                .setInvalidMethodHandler(exchange -> error(exchange, 405, "method-not-allowed",
                        exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath(), List.of()));
        this.graceful = Handlers.gracefulShutdown(routes);
        this.undertow = Undertow.builder()
                .addHttpListener(config.port(), config.host())
                // Bodies up to DRAIN_FACTOR times the limit are read and discarded before the 413, so that
                // clients which send the whole body before reading get their answer; beyond that, close.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, config.maxBodyBytes() * DRAIN_FACTOR)
                // Slow clients (slowloris) may not hold connections: a request's headers must arrive
                // within 10 s, and an idle connection is closed after 30 s.
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 30_000)
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, 30_000)
                .setHandler(graceful)
                .build();
    }

    /** Starts listening; evaluations answer 503 until {@link #serve(Covenant)} hands over a compiled pack. */
    public static CovenantServer start(Config config) {
        CovenantServer server = new CovenantServer(config);
        server.undertow.start();
        return server;
    }

    /** Makes the server ready with this Covenant (its rules compiled, or its diagnostics kept). */
    public void serve(Covenant ready) {
        covenant.set(ready);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** Stops taking requests, waits for those in flight (up to the grace period), then stops. */
    @Override
    public void close() {
        graceful.shutdown();
        try {
            graceful.awaitShutdown(config.shutdownGrace().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
    }

    private void evaluate(HttpServerExchange exchange) throws IOException {
        Covenant current = readyCovenant(exchange);
        if (current == null) {
            return;
        }
        String format = query(exchange, "format");
        if (format != null && !format.equals("json") && !format.equals("sarif")) {
            // Said before the body is read, so the connection is not reused with a body left unread.
            exchange.setPersistent(false);
            error(exchange, 400, "unknown-format", "unknown format '" + format + "'; expected json or sarif", List.of());
            return;
        }
        String contentType = header(exchange, Headers.CONTENT_TYPE, "").toLowerCase(Locale.ROOT);
        if (!(contentType.contains("json") || contentType.contains("yaml"))) {
            exchange.setPersistent(false);
            error(exchange, 415, "unsupported-media-type", "send a scenario as application/yaml or application/json", List.of());
            return;
        }
        long declared = exchange.getRequestContentLength();
        if (declared > config.maxBodyBytes() * DRAIN_FACTOR) {
            tooLarge(exchange, false);
            return;
        }
        byte[] body;
        try {
            InputStream in = exchange.getInputStream();
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBodyBytes() + 1));
            if (body.length > config.maxBodyBytes()) {
                in.skip(Long.MAX_VALUE); // drain (bounded by MAX_ENTITY_SIZE) so the client reads the 413
                tooLarge(exchange, true);
                return;
            }
        } catch (IOException e) {
            // Undertow refuses to read past MAX_ENTITY_SIZE (a chunked body without a length).
            tooLarge(exchange, false);
            return;
        }
        if (body.length == 0) {
            error(exchange, 400, "empty-body", "the body is empty; send one or more scenarios", List.of());
            return;
        }
        List<LoadResult> loaded = ScenarioLoader.parseMany(body, "body");
        if (loaded.size() > config.maxScenarios()) {
            error(exchange, 413, "too-many-scenarios", loaded.size() + " scenarios in one request; at most "
                    + config.maxScenarios() + " are accepted", List.of());
            return;
        }
        List<Diagnostic> invalid = loaded.stream().flatMap(l -> l.diagnostics().stream()).toList();
        if (!invalid.isEmpty()) {
            long count = loaded.stream().filter(l -> !l.isValid()).count();
            error(exchange, 422, "invalid-scenario", count + " of " + loaded.size() + " scenario(s) are invalid; nothing was evaluated", invalid);
            return;
        }
        if (!evaluations.tryAcquire()) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            error(exchange, 429, "overloaded", "too many evaluations in progress; retry shortly", List.of());
            return;
        }
        Report report;
        try {
            report = current.evaluate(loaded.stream().map(Covenant.Document::new).toList(), config.requestBudget());
        } finally {
            evaluations.release();
        }
        boolean sarif = "sarif".equals(format) || header(exchange, Headers.ACCEPT, "").contains(SARIF_TYPE);
        StringWriter out = new StringWriter();
        (sarif ? new SarifRenderer() : new JsonRenderer()).render(report, out);
        send(exchange, 200, sarif ? SARIF_TYPE : "application/json", out.toString());
    }

    private void rules(HttpServerExchange exchange) throws IOException {
        Covenant current = readyCovenant(exchange);
        if (current == null) {
            return;
        }
        StringWriter out = new StringWriter();
        dev.covenant.catalog.RuleCatalogWriter.json(current.catalog(), null, out);
        send(exchange, 200, "application/json", out.toString());
    }

    private void reload(HttpServerExchange exchange) throws IOException {
        Covenant current = covenant.get();
        if (current == null) {
            notReady(exchange);
            return;
        }
        Covenant.Reload result = current.reload();
        if (!result.applied()) {
            error(exchange, 422, "rules-invalid", "the rules do not compile; the last good rule pack stays in use", result.diagnostics());
            return;
        }
        json(exchange, 200, new Reloaded(true, current.catalog().size()));
    }

    private void ready(HttpServerExchange exchange) {
        Covenant current = covenant.get();
        if (current != null && current.ready()) {
            json(exchange, 200, new Health("ready", Version.current()));
        } else {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            error(exchange, 503, "not-ready", current == null ? "the rules are being compiled"
                    : "the rules do not compile", current == null ? List.of() : current.diagnostics());
        }
    }

    private void openApi(HttpServerExchange exchange) throws IOException {
        try (InputStream in = CovenantServer.class.getResourceAsStream("openapi.json")) {
            send(exchange, 200, "application/json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private Covenant readyCovenant(HttpServerExchange exchange) {
        Covenant current = covenant.get();
        if (current == null || !current.ready()) {
            notReady(exchange);
            return null;
        }
        return current;
    }

    private void notReady(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        error(exchange, 503, "not-ready", "the rules are not compiled yet (see /readyz)", List.of());
    }

    private void tooLarge(HttpServerExchange exchange, boolean drained) {
        if (!drained) {
            // The rest of the body is never read: close the connection rather than parse it as a next request.
            exchange.setPersistent(false);
        }
        error(exchange, 413, "body-too-large", "the body exceeds " + config.maxBodyBytes() + " bytes", List.of());
    }

    /** The stable error shape: {@code {"error": {"status", "code", "message", "diagnostics"}}}. */
    record ErrorBody(Error error) {

        record Error(int status, String code, String message, List<JsonDiagnostic> diagnostics) {
        }
    }

    /** {@code /healthz} and {@code /readyz} when ready; only the latter names the version. */
    record Health(String status, @JsonInclude(JsonInclude.Include.NON_NULL) String version) {
    }

    /** {@code POST /v1/rules:reload} when the new pack compiled. */
    record Reloaded(boolean reloaded, int rules) {
    }

    static void error(HttpServerExchange exchange, int status, String code, String message, List<Diagnostic> diagnostics) {
        json(exchange, status, new ErrorBody(new ErrorBody.Error(status, code, message, JsonDiagnostic.all(diagnostics))));
    }

    private static void json(HttpServerExchange exchange, int status, Object body) {
        send(exchange, status, "application/json", Json.compact(body));
    }

    private static void send(HttpServerExchange exchange, int status, String type, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type + "; charset=utf-8");
        exchange.getResponseHeaders().put(new HttpString("X-Content-Type-Options"), "nosniff");
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    private static String header(HttpServerExchange exchange, HttpString name, String fallback) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? fallback : value;
    }

    private static String query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
