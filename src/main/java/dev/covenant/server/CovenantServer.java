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
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;
import org.xnio.XnioExecutor;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code covenant serve}: the same evaluation over HTTP, on Undertow. Bodies are bounded (413) and must
 * arrive in time (408); they are read without holding a worker thread, and connections are capped. Each
 * request is admitted (or answered 429 with Retry-After) before its body is parsed, so the work and memory
 * of invalid input are bounded by the concurrency limit too. A request's evaluation is bounded like the
 * CLI's, by the outer wait of its budget, so a rule that ignores the halt costs one scenario's error and
 * never a hung request, a lost permit or a shutdown that does not end. Every error is JSON:
 * {@code {"error": {"status", "code", "message", "diagnostics", "diagnosticCount"}}}. The API is described
 * by {@code /openapi.json}, which a test keeps in agreement with {@link #ROUTES}.
 */
public final class CovenantServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CovenantServer.class);

    /** Every route the server answers, as "METHOD path"; the OpenAPI document lists exactly these. */
    public static final List<String> ROUTES = List.of(
            "POST /v1/evaluations", "GET /v1/rules", "POST /v1/rules:reload", "GET /healthz", "GET /readyz", "GET /openapi.json");

    /** The request bodies accepted, as media types without parameters (a browser may post text/plain without asking). */
    static final Set<String> MEDIA_TYPES = Set.of("application/yaml", "application/json");

    /** At most this many diagnostics are returned in an error; {@code diagnosticCount} says how many there were. */
    static final int MAX_DIAGNOSTICS = 100;

    /**
     * How the server listens and what it accepts. {@code token} (nullable) is the bearer token every
     * request but {@code /healthz} must carry; {@code bodyTimeout} bounds the time to receive a body;
     * {@code allowedHosts} are host names accepted in {@code Host} and {@code Origin} beyond the bound address's own.
     */
    public record Config(String host, int port, long maxBodyBytes, int maxScenarios, Duration requestBudget,
            int maxConcurrent, Duration shutdownGrace, int maxConnections, Duration bodyTimeout, String token, List<String> allowedHosts) {

        public Config {
            allowedHosts = List.copyOf(allowedHosts);
        }

        public static final int DEFAULT_MAX_CONNECTIONS = 512;
        public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(20);

        public Config(String host, int port, long maxBodyBytes, int maxScenarios, Duration requestBudget, int maxConcurrent,
                Duration shutdownGrace) {
            this(host, port, maxBodyBytes, maxScenarios, requestBudget, maxConcurrent, shutdownGrace, DEFAULT_MAX_CONNECTIONS,
                    DEFAULT_BODY_TIMEOUT, null, List.of());
        }

        public static Config defaults() {
            return new Config("127.0.0.1", 8080, 1024 * 1024, 100, Duration.ofSeconds(30),
                    Math.max(2, Runtime.getRuntime().availableProcessors() * 2), Duration.ofSeconds(30));
        }

        public Config withPort(int newPort) {
            return new Config(host, newPort, maxBodyBytes, maxScenarios, requestBudget, maxConcurrent, shutdownGrace, maxConnections,
                    bodyTimeout, token, allowedHosts);
        }

        public Config withBodyTimeout(Duration timeout) {
            return new Config(host, port, maxBodyBytes, maxScenarios, requestBudget, maxConcurrent, shutdownGrace, maxConnections,
                    timeout, token, allowedHosts);
        }

        public Config withToken(String bearer) {
            return new Config(host, port, maxBodyBytes, maxScenarios, requestBudget, maxConcurrent, shutdownGrace, maxConnections,
                    bodyTimeout, bearer, allowedHosts);
        }

        public Config withMaxConnections(int connections) {
            return new Config(host, port, maxBodyBytes, maxScenarios, requestBudget, maxConcurrent, shutdownGrace, connections,
                    bodyTimeout, token, allowedHosts);
        }

        public Config withAllowedHosts(List<String> hosts) {
            return new Config(host, port, maxBodyBytes, maxScenarios, requestBudget, maxConcurrent, shutdownGrace, maxConnections,
                    bodyTimeout, token, hosts);
        }

        /** Never prints the token (configurations end up in logs). */
        @Override
        public String toString() {
            return "Config[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes + ", maxScenarios=" + maxScenarios
                    + ", requestBudget=" + requestBudget + ", maxConcurrent=" + maxConcurrent + ", shutdownGrace=" + shutdownGrace
                    + ", maxConnections=" + maxConnections + ", bodyTimeout=" + bodyTimeout + ", token=" + (token == null ? "none" : "set") + ", allowedHosts=" + allowedHosts + "]";
        }
    }

    private static final long DRAIN_FACTOR = 16;
    /** Seconds a client waits before retrying while evaluations are stuck: longer than for a busy server. */
    private static final String STUCK_RETRY_AFTER = "10";
    private static final String SARIF_TYPE = "application/sarif+json";
    /** How long stopping waits for worker threads once the grace period is over. */
    private static final int STOP_TIMEOUT_MILLIS = 5_000;

    private final Config config;
    private final AtomicReference<Covenant> covenant = new AtomicReference<>();
    private final Semaphore evaluations;
    private final GracefulShutdownHandler graceful;
    private final Undertow undertow;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CovenantServer(Config config) {
        this.config = config;
        this.evaluations = new Semaphore(config.maxConcurrent());
        RoutingHandler routes = Handlers.routing()
                .post("/v1/evaluations", this::evaluate)
                .get("/v1/rules", this::rules)
                .post("/v1/rules:reload", new BlockingHandler(this::reload))
                .get("/healthz", this::healthy)
                .get("/readyz", this::ready)
                .get("/openapi.json", this::openApi)
                .setFallbackHandler(exchange -> error(exchange, 404, "not-found", "no such endpoint: " + exchange.getRequestPath(), List.of()))
                .setInvalidMethodHandler(exchange -> error(exchange, 405, "method-not-allowed",
                        exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath(), List.of()));
        this.graceful = Handlers.gracefulShutdown(guarded(HostCheck.of(config).guard(authorized(routes))));
        this.undertow = Undertow.builder()
                .addHttpListener(config.port(), config.host())
                // Bodies up to DRAIN_FACTOR times the limit are read and discarded before the 413, so that
                // clients which send the whole body before reading get their answer; beyond that, close.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, config.maxBodyBytes() * DRAIN_FACTOR)
                // Slow clients (slowloris) may not hold connections: a request's headers must arrive
                // within 10 s, and an idle connection is closed after 30 s. Bodies have their own deadline
                // (bodyTimeout), since a client may trickle one byte just inside every idle timeout.
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 30_000)
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, 30_000)
                // Stopping waits this long for worker threads, then interrupts them, rather than forever.
                .setServerOption(UndertowOptions.SHUTDOWN_TIMEOUT, STOP_TIMEOUT_MILLIS)
                // Beyond maxConnections open connections, new ones wait in the kernel's backlog until
                // some close (idle and slow ones are closed by the timeouts above): no file-descriptor exhaustion.
                .setSocketOption(Options.CONNECTION_HIGH_WATER, config.maxConnections())
                .setSocketOption(Options.CONNECTION_LOW_WATER, Math.max(1, config.maxConnections() * 9 / 10))
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

    /**
     * Stops taking requests, waits for those in flight up to the grace period, then stops, waiting at
     * most a few more seconds for worker threads: it returns within the grace period plus 5 s whatever
     * the requests in flight are doing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        graceful.shutdown();
        try {
            if (!graceful.awaitShutdown(config.shutdownGrace().toMillis())) {
                LOG.warn("requests still in flight after the {} s grace period are cut off", config.shutdownGrace().toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
    }

    /**
     * Any failure the handlers did not foresee is still the documented JSON (a 500 naming the failure),
     * never an empty response.
     */
    private static HttpHandler guarded(HttpHandler next) {
        return exchange -> {
            try {
                next.handleRequest(exchange);
            } catch (Throwable t) {
                internalError(exchange, t);
            }
        };
    }

    /** With a token configured, every request but the liveness probe carries it ({@code Authorization: Bearer ...}). */
    private HttpHandler authorized(HttpHandler next) {
        if (config.token() == null) {
            return next;
        }
        byte[] expected = ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            String given = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            boolean open = exchange.getRequestPath().equals("/healthz");
            // Compared in constant time, so the token cannot be guessed byte by byte from response times.
            if (open || (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8)))) {
                next.handleRequest(exchange);
                return;
            }
            exchange.setPersistent(false);
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
            error(exchange, 401, "unauthorized", given == null ? "send the server's token as 'Authorization: Bearer TOKEN'"
                    : "the bearer token is not the server's", List.of());
        };
    }

    /**
     * Runs on the I/O thread up to the body: checks what the headers say, then receives the body without
     * holding a worker (a client that sends headers and no body costs a connection, not a thread), within
     * {@code bodyTimeout}.
     */
    private void evaluate(HttpServerExchange exchange) {
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
        String contentType = header(exchange, Headers.CONTENT_TYPE, "");
        if (!MEDIA_TYPES.contains(mediaType(contentType))) {
            exchange.setPersistent(false);
            error(exchange, 415, "unsupported-media-type", (contentType.isEmpty() ? "no Content-Type" : "Content-Type '" + contentType + "'")
                    + "; send scenarios as application/yaml or application/json", List.of());
            return;
        }
        long declared = exchange.getRequestContentLength();
        if (declared > config.maxBodyBytes() * DRAIN_FACTOR) {
            tooLarge(exchange, false);
            return;
        }
        Body body = new Body(config.maxBodyBytes());
        XnioExecutor.Key deadline = exchange.getIoThread().executeAfter(() -> {
            if (body.answer()) {
                // The rest of the body may never come: answer, and close rather than wait for it.
                exchange.getRequestReceiver().pause();
                exchange.setPersistent(false);
                error(exchange, 408, "body-timeout", "the body did not arrive within " + config.bodyTimeout().toSeconds()
                        + " s (" + body.received + " bytes received)", List.of());
            }
        }, config.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        exchange.getRequestReceiver().receivePartialBytes((ex, bytes, last) -> {
            body.add(bytes);
            if (last) {
                deadline.remove();
                if (body.answer()) {
                    admit(ex, current, format, body);
                }
            }
        }, (ex, failure) -> {
            deadline.remove();
            if (body.answer()) {
                if (body.received > config.maxBodyBytes()) {
                    // Undertow refuses to read past MAX_ENTITY_SIZE (a chunked body without a length).
                    tooLarge(ex, false);
                } else {
                    ex.setPersistent(false);
                    error(ex, 400, "bad-request", "the body could not be read: " + describe(failure), List.of());
                }
            }
        });
    }

    /** Once the whole body is in: refused, or admitted under the concurrency limit and handed to a worker. */
    private void admit(HttpServerExchange exchange, Covenant current, String format, Body body) {
        if (body.received > config.maxBodyBytes()) {
            tooLarge(exchange, true); // drained: the connection can be reused
            return;
        }
        if (body.received == 0) {
            error(exchange, 400, "empty-body", "the body is empty; send one or more scenarios", List.of());
            return;
        }
        String stuck = stuck(current);
        if (stuck != null) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, STUCK_RETRY_AFTER);
            error(exchange, 503, "stuck-evaluations", stuck, List.of());
            return;
        }
        // Admission comes before parsing: invalid input costs no more than valid input, and both are
        // bounded by the same limit.
        if (!evaluations.tryAcquire()) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            error(exchange, 429, "overloaded", "too many evaluations in progress; retry shortly", List.of());
            return;
        }
        try {
            exchange.dispatch(() -> {
                try {
                    evaluate(exchange, current, format, body.bytes());
                } catch (Throwable t) {
                    internalError(exchange, t);
                } finally {
                    evaluations.release();
                }
            });
        } catch (RuntimeException shuttingDown) {
            // The workers are stopping (the grace period is over): said, not an empty 500.
            evaluations.release();
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            error(exchange, 503, "shutting-down", "the server is shutting down; retry on another instance", List.of());
        }
    }

    /** On a worker, holding a permit: parse, validate, evaluate (bounded by the request budget's outer wait), render. */
    private void evaluate(HttpServerExchange exchange, Covenant current, String format, byte[] body) throws IOException {
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
        Report report = current.evaluate(loaded.stream().map(Covenant.Document::new).toList(), config.requestBudget());
        boolean sarif = "sarif".equals(format) || header(exchange, Headers.ACCEPT, "").contains(SARIF_TYPE);
        StringWriter out = new StringWriter();
        (sarif ? new SarifRenderer() : new JsonRenderer()).render(report, out);
        send(exchange, 200, sarif ? SARIF_TYPE : "application/json", out.toString());
    }

    /**
     * A request body as it arrives: kept up to the limit, counted beyond it (and discarded, so that the
     * client reads its 413). Answered once, by whichever comes first: the end, a failure, the deadline.
     */
    private static final class Body {
        private final long limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final AtomicBoolean answered = new AtomicBoolean();
        volatile long received;

        Body(long limit) {
            this.limit = limit;
        }

        void add(byte[] bytes) {
            long room = limit + 1 - kept.size();
            if (room > 0) {
                kept.write(bytes, 0, (int) Math.min(room, bytes.length));
            }
            received += bytes.length;
        }

        byte[] bytes() {
            return kept.toByteArray();
        }

        /** True for the first caller only. */
        boolean answer() {
            return answered.compareAndSet(false, true);
        }
    }

    /** The media type of a Content-Type value, without parameters, in lower case ("" when there is none). */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static void internalError(HttpServerExchange exchange, Throwable t) {
        LOG.error("internal error answering {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), t);
        if (exchange.isResponseStarted()) {
            exchange.setPersistent(false);
            exchange.endExchange();
            return;
        }
        exchange.setPersistent(false);
        exchange.getResponseHeaders().clear();
        error(exchange, 500, "internal-error", "internal error: " + describe(t) + "; the server goes on serving", List.of());
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse(""));
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

    /**
     * Why evaluations are refused, or null: as many evaluations as may run at once ignored the halt and
     * still run, each holding a thread (and a core while it loops) after its request was answered. Taking
     * more would let repeated stuck requests take every core; only their ending, or a restart, frees them.
     */
    private String stuck(Covenant current) {
        int abandoned = current.abandoned();
        if (abandoned < config.maxConcurrent()) {
            return null;
        }
        return abandoned + " evaluation(s) ignored the halt and are still running (at most " + config.maxConcurrent()
                + " may be); evaluations are refused until they end, or the server is restarted";
    }

    /** Liveness: the server answers. It is still alive with stuck evaluations, and says so (restarting it frees them). */
    private void healthy(HttpServerExchange exchange) {
        Covenant current = covenant.get();
        String stuck = current == null ? null : stuck(current);
        json(exchange, 200, stuck == null ? new Health("ok", null, null, null) : new Health("degraded", null, current.abandoned(), stuck));
    }

    private void ready(HttpServerExchange exchange) {
        Covenant current = covenant.get();
        String stuck = current == null || !current.ready() ? null : stuck(current);
        if (stuck != null) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, STUCK_RETRY_AFTER);
            error(exchange, 503, "stuck-evaluations", stuck, List.of());
        } else if (current != null && current.ready()) {
            json(exchange, 200, new Health("ready", Version.current(), current.abandoned(), null));
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

        record Error(int status, String code, String message, List<JsonDiagnostic> diagnostics, int diagnosticCount) {
        }
    }

    /**
     * {@code /healthz} and {@code /readyz} when ready; only the latter names the version. {@code abandoned}
     * counts the evaluations that ignored the halt and still run; {@code reason} says why /healthz is degraded.
     */
    record Health(String status, @JsonInclude(JsonInclude.Include.NON_NULL) String version,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer abandoned, @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    }

    /** {@code POST /v1/rules:reload} when the new pack compiled. */
    record Reloaded(boolean reloaded, int rules) {
    }

    /** An error answer; of many diagnostics only the first {@link #MAX_DIAGNOSTICS} are sent (a 1 MB body can hold 100,000). */
    static void error(HttpServerExchange exchange, int status, String code, String message, List<Diagnostic> diagnostics) {
        List<Diagnostic> shown = diagnostics.size() > MAX_DIAGNOSTICS ? diagnostics.subList(0, MAX_DIAGNOSTICS) : diagnostics;
        json(exchange, status, new ErrorBody(new ErrorBody.Error(status, code, message, JsonDiagnostic.all(shown), diagnostics.size())));
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
