package dev.covenant.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.Covenant;
import dev.covenant.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #15's attacks on the service, each against a real server on loopback: bodies that never come,
 * rules that never let go or overflow the stack, floods of invalid input, ambiguous framing, and
 * requests from pages that should not reach it.
 */
class HostileClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Path CHILDREN = Path.of("fixtures/us/children-training.yaml");

    @TempDir
    static Path dir;

    /** The shipped rules plus two broken ones, each firing only for its own platform name. */
    private static Covenant covenant;
    private static Path rulesDir;

    @BeforeAll
    static void compile() throws IOException {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Files.writeString(rules.resolve("classify/hostile.drl"), """
                package rules.classify;
                import dev.covenant.model.Platform;

                function int deeper(int n) { return deeper(n + 1) + 1; }

                rule "stuck, for this test: loops ignoring the halt, the stop and interrupts"
                    @derive
                    salience 100
                when
                    $p : Platform( name == "stuck" )
                then
                    // Ends on its own after two minutes, so that the abandoned thread does not outlive the test run.
                    long until = System.currentTimeMillis() + 120_000;
                    while (System.currentTimeMillis() < until) {
                        try { Thread.sleep(20); } catch (Throwable ignored) { }
                    }
                end

                rule "stuck briefly, for this test: ignores the halt for 20 s, then lets go"
                    @derive
                    salience 100
                when
                    $p : Platform( name == "stuck-briefly" )
                then
                    long until = System.currentTimeMillis() + 20_000;
                    while (System.currentTimeMillis() < until) {
                        try { Thread.sleep(20); } catch (Throwable ignored) { }
                    }
                end

                rule "recursing, for this test: overflows the stack"
                    @derive
                    salience 100
                when
                    $p : Platform( name == "recursing" )
                then
                    deeper(0);
                end
                """);
        rulesDir = rules;
        covenant = Covenant.builder().rules(rules).build();
        assertThat(covenant.diagnostics()).isEmpty();
    }

    /**
     * A Covenant of its own, for a test whose stuck rules leave threads running after it: the count of
     * those (and the cap on them) is per instance, so the other tests do not inherit it.
     */
    private static Covenant own() {
        return Covenant.builder().rules(rulesDir).build();
    }

    @AfterAll
    static void close() {
        covenant.close();
    }

    @Test
    void clients_that_send_headers_and_no_body_hold_no_worker_and_are_answered_408() throws Exception {
        try (CovenantServer server = started(config().withBodyTimeout(Duration.ofSeconds(3)))) {
            // Far more than Undertow's worker threads (8 per core): each used to hold one, for ever.
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(("POST /v1/evaluations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                        + "Content-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                idle.add(socket);
            }

            for (int i = 0; i < 3; i++) {
                assertThat(post(server, "application/yaml", Files.readString(CHILDREN)).statusCode()).as("served meanwhile").isEqualTo(200);
            }
            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
            for (Socket socket : idle) {
                try (socket) {
                    String answer = readAll(socket.getInputStream());
                    assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"body-timeout\"", "(0 bytes received)");
                }
            }
        }
    }

    @Test
    void connections_beyond_the_cap_wait_to_be_accepted_until_others_close() throws Exception {
        try (CovenantServer server = started(config().withMaxConnections(2))) {
            Socket first = new Socket("127.0.0.1", server.port());
            Socket second = new Socket("127.0.0.1", server.port());
            try (Socket third = new Socket("127.0.0.1", server.port())) {
                third.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                third.getOutputStream().flush();
                third.setSoTimeout(2_000);
                assertThat(readAll(third.getInputStream())).as("not accepted while two are open").isEqualTo("<connection still open>");

                first.close();
                second.close();
                third.setSoTimeout(30_000);
                assertThat(readAll(third.getInputStream())).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void a_consequence_that_ignores_the_halt_costs_its_scenario_not_the_request_a_permit_or_the_shutdown() throws Exception {
        // Two slots, so that the one abandoned evaluation leaves the server below its cap on them.
        CovenantServer server = CovenantServer.start(new CovenantServer.Config("127.0.0.1", 0, 1 << 20, 10, Duration.ofSeconds(1), 2,
                Duration.ofSeconds(3)));
        Covenant own = own();
        server.serve(own);
        try {
            HttpResponse<String> response = post(server, "application/yaml", named("stuck") + "---\n" + Files.readString(CHILDREN));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode scenarios = body(response).get("scenarios");
            assertThat(scenarios.get(0).get("status").asText()).isEqualTo("error");
            // The watchdog's halt and stop did not end it; the outer wait did (three times the budget plus 5 s).
            assertThat(scenarios.get(0).get("error").asText()).containsPattern("did not finish within \\d+ ms and ignored the halt");
            assertThat(scenarios.get(1).get("status").asText()).isEqualTo("error");
            assertThat(scenarios.get(1).get("error").asText()).contains("time budget of 1000 ms was spent");
            assertThat(post(server, "application/yaml", Files.readString(CHILDREN)).statusCode())
                    .as("the permit was given back, so this is evaluated, not 429").isEqualTo(200);

            CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(request(server, "application/yaml", named("stuck")),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            // Grace (3 s) plus the stop timeout (5 s); bounded loosely, it only has to end.
            closing.get(60, TimeUnit.SECONDS);
            inFlight.handle((r, e) -> r).get(60, TimeUnit.SECONDS);
        } finally {
            server.close();
            own.close();
        }
    }

    @Test
    void an_error_thrown_by_a_rule_is_that_scenarios_error_and_the_others_are_evaluated() throws Exception {
        try (CovenantServer server = started(config())) {
            HttpResponse<String> response = post(server, "application/yaml", named("recursing") + "---\n" + Files.readString(CHILDREN));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode scenarios = body(response).get("scenarios");
            assertThat(scenarios.get(0).get("status").asText()).isEqualTo("error");
            // Named like the CLI names a rule that throws (it said "internal error: java.lang.StackOverflowError").
            assertThat(scenarios.get(0).get("error").asText())
                    .isEqualTo("evaluation failed in rule 'recursing, for this test: overflows the stack': StackOverflowError");
            assertThat(scenarios.get(1).get("status").asText()).isEqualTo("evaluated");
            assertThat(scenarios.get(1).get("findings").get(0).get("ruleId").asText()).isEqualTo("CHILD-DATA-TRAINING");
        }
    }

    @Test
    void a_binary_tag_is_a_422_naming_it() throws Exception {
        try (CovenantServer server = started(config())) {
            HttpResponse<String> response = post(server, "application/yaml", "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\ntitle: !!binary AA==\n");

            assertThat(status(response)).isEqualTo("422 invalid-scenario");
            JsonNode diagnostics = body(response).get("error").get("diagnostics");
            // Once: the tag check and the embedded value it makes both used to report it.
            assertThat(diagnostics).hasSize(1);
            assertThat(diagnostics.get(0).get("message").asText()).isEqualTo("YAML tag !!binary is not allowed; scenarios hold plain values only");
            assertThat(diagnostics.get(0).get("line").asInt()).isEqualTo(4);
            assertThat(body(response).get("error").get("diagnosticCount").asInt()).isEqualTo(1);
        }
    }

    @Test
    void invalid_input_is_admitted_before_it_is_parsed_and_its_diagnostics_are_capped() throws Exception {
        StringBuilder keys = new StringBuilder(1 << 20);
        for (int i = 0; keys.length() < 1_000_000; i++) {
            keys.append('k').append(i).append(": 1\n");
        }
        // The stuck rule holds the one slot for the request budget; 5 s leaves a loaded machine time to send
        // the 1 MB body again while it does (with 1 s, CI once saw the stuck request end first).
        try (Covenant own = own(); CovenantServer server = CovenantServer.start(new CovenantServer.Config("127.0.0.1", 0, 2 << 20, 10,
                Duration.ofSeconds(5), 1, Duration.ofSeconds(6)))) {
            server.serve(own);
            HttpResponse<String> invalid = post(server, "application/yaml", keys.toString());

            assertThat(status(invalid)).isEqualTo("422 invalid-scenario");
            JsonNode error = body(invalid).get("error");
            assertThat(error.get("diagnostics")).hasSize(CovenantServer.MAX_DIAGNOSTICS);
            assertThat(error.get("diagnosticCount").asInt()).isGreaterThan(100_000);
            assertThat(invalid.body().length()).as("not 20 MB of diagnostics").isLessThan(100_000);

            // With the one evaluation slot taken (by a stuck rule, for seconds), the same body is refused
            // before any of it is parsed.
            CompletableFuture<HttpResponse<String>> busy = HTTP.sendAsync(request(server, "application/yaml", named("stuck")),
                    HttpResponse.BodyHandlers.ofString());
            String refused = null;
            for (int i = 0; i < 100 && refused == null; i++) {
                if (busy.isDone()) {
                    if (busy.get().statusCode() != 429) {
                        break;
                    }
                    // The retry below took the slot first and the stuck request was the one refused: send it again.
                    busy = HTTP.sendAsync(request(server, "application/yaml", named("stuck")), HttpResponse.BodyHandlers.ofString());
                }
                Thread.sleep(200); // let the stuck request take the slot before the body is sent again
                HttpResponse<String> again = post(server, "application/yaml", keys.toString());
                if (again.statusCode() == 429) {
                    refused = status(again);
                }
            }
            assertThat(refused).isEqualTo("429 overloaded");
            assertThat(busy.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void ambiguous_framing_and_broken_chunks_are_refused_and_the_connection_closed() throws Exception {
        try (CovenantServer server = started(config())) {
            // Undertow's request parser refuses these before any handler runs, with its own empty 400:
            // a proxy in front that read the body differently could otherwise smuggle a second request.
            String twoLengths = raw(server, "POST /v1/evaluations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: 5\r\nContent-Length: 40\r\n\r\nhello");
            String lengthAndChunks = raw(server, "POST /v1/evaluations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
            // A broken chunk is found while the body is read; Undertow closes the connection at once.
            String badChunk = raw(server, "POST /v1/evaluations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");

            assertThat(twoLengths).startsWith("HTTP/1.1 400").contains("Connection: close");
            assertThat(lengthAndChunks).startsWith("HTTP/1.1 400").contains("Connection: close");
            assertThat(badChunk).as("closed, not evaluated and not held open").isEmpty();
            assertThat(post(server, "application/yaml", Files.readString(CHILDREN)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void only_the_documented_media_types_are_accepted() throws Exception {
        try (CovenantServer server = started(config())) {
            String scenario = Files.readString(CHILDREN);

            // text/plain needs no CORS preflight: any web page could post it to a local server.
            assertThat(status(post(server, "text/plain; x=yaml", scenario))).isEqualTo("415 unsupported-media-type");
            assertThat(status(post(server, "text/plain; charset=utf-8; a=json", scenario))).isEqualTo("415 unsupported-media-type");
            assertThat(status(post(server, "application/x-www-form-urlencoded; yaml", scenario))).isEqualTo("415 unsupported-media-type");
            assertThat(post(server, "application/yaml; charset=utf-8", scenario).statusCode()).isEqualTo(200);
            assertThat(post(server, "Application/JSON", dev.covenant.scenario.YamlJson.convert(scenario.getBytes(StandardCharsets.UTF_8), "c")
                    .json().toString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void with_a_token_every_request_but_the_liveness_probe_must_carry_it() throws Exception {
        String token = "s3cret-token-for-this-test";
        try (CovenantServer server = started(config().withToken(token))) {
            HttpResponse<String> none = post(server, "application/yaml", Files.readString(CHILDREN));
            HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create(base(server) + "/v1/evaluations"))
                    .header("Content-Type", "application/yaml").header("Authorization", "Bearer " + token + "x")
                    .POST(HttpRequest.BodyPublishers.ofString(Files.readString(CHILDREN))).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> right = HTTP.send(HttpRequest.newBuilder(URI.create(base(server) + "/v1/evaluations"))
                    .header("Content-Type", "application/yaml").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(Files.readString(CHILDREN))).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(status(none)).isEqualTo("401 unauthorized");
            assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(status(wrong)).isEqualTo("401 unauthorized");
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
            assertThat(status(get(server, "/readyz"))).isEqualTo("401 unauthorized");
            assertThat(status(get(server, "/v1/rules"))).isEqualTo("401 unauthorized");
        }
    }

    @Test
    void serving_beyond_loopback_needs_a_token_file() throws Exception {
        Path shortToken = Files.writeString(dir.resolve("short-token"), "abc\n");

        dev.covenant.cli.Run open = dev.covenant.cli.Run.run("serve", "--host", "0.0.0.0", "--port", "0");
        dev.covenant.cli.Run weak = dev.covenant.cli.Run.run("serve", "--host", "0.0.0.0", "--port", "0", "--token-file", shortToken.toString());
        dev.covenant.cli.Run missing = dev.covenant.cli.Run.run("serve", "--host", "0.0.0.0", "--port", "0", "--token-file",
                dir.resolve("nothing-here").toString());

        assertThat(open.code()).isEqualTo(2);
        assertThat(open.err()).contains("--host 0.0.0.0 is not a loopback address", "--token-file");
        assertThat(weak.code()).isEqualTo(2);
        assertThat(weak.err()).contains("at least 16 printable ASCII characters");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read it");
    }

    @Test
    void a_page_that_rebinds_its_name_to_loopback_is_refused_by_its_host_header() throws Exception {
        try (CovenantServer server = started(config())) {
            String scenario = Files.readString(CHILDREN);
            // What a browser sends once attacker.example resolves to 127.0.0.1: same-origin to it, so no preflight.
            String rebound = raw(server, rawPost("attacker.example:" + server.port(), null, scenario));
            String noHost = raw(server, "GET /readyz HTTP/1.0\r\n\r\n");

            assertThat(rebound).startsWith("HTTP/1.1 403").contains("\"code\":\"host-not-allowed\"",
                    "Host 'attacker.example:" + server.port() + "' is not a name of this server", "--allowed-host");
            assertThat(rebound).doesNotContain("\"scenarios\"");
            assertThat(raw(server, "GET /healthz HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 403");
            assertThat(noHost).startsWith("HTTP/1.0 403").contains("no Host header");
            for (String host : List.of("localhost", "LOCALHOST:" + server.port(), "127.0.0.1", "127.0.0.1:" + server.port(), "[::1]",
                    "[::1]:" + server.port())) {
                assertThat(raw(server, rawPost(host, null, scenario))).as(host).startsWith("HTTP/1.1 200").contains("CHILD-DATA-TRAINING");
            }
        }
        try (CovenantServer server = started(config().withAllowedHosts(List.of("covenant.internal")))) {
            assertThat(raw(server, rawPost("covenant.internal:8443", null, Files.readString(CHILDREN)))).startsWith("HTTP/1.1 200");
            assertThat(raw(server, rawPost("attacker.example", null, Files.readString(CHILDREN)))).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void a_post_from_a_page_elsewhere_is_refused_by_its_origin() throws Exception {
        try (CovenantServer server = started(config())) {
            String scenario = Files.readString(CHILDREN);
            String host = "127.0.0.1:" + server.port();

            String elsewhere = raw(server, rawPost(host, "https://attacker.example", scenario));
            String sandboxed = raw(server, rawPost(host, "null", scenario));
            String reload = raw(server, "POST /v1/rules:reload HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://attacker.example\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n");

            assertThat(elsewhere).startsWith("HTTP/1.1 403").contains("\"code\":\"origin-not-allowed\"", "Origin 'https://attacker.example'");
            assertThat(sandboxed).startsWith("HTTP/1.1 403").contains("origin-not-allowed");
            assertThat(reload).startsWith("HTTP/1.1 403").contains("origin-not-allowed");
            // A page served by the server's own names, and clients that send no Origin (curl, the CLI), are served.
            assertThat(raw(server, rawPost(host, "http://localhost:" + server.port(), scenario))).startsWith("HTTP/1.1 200");
            assertThat(raw(server, rawPost(host, null, scenario))).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void evaluations_that_ignore_the_halt_are_capped_and_the_probes_say_so_until_they_end() throws Exception {
        // One slot, so one abandoned evaluation reaches the cap (the cap is --max-concurrent).
        try (Covenant own = own(); CovenantServer server = CovenantServer.start(new CovenantServer.Config("127.0.0.1", 0, 1 << 20, 10,
                Duration.ofSeconds(1), 1, Duration.ofSeconds(3)))) {
            server.serve(own);
            assertThat(body(get(server, "/readyz")).get("abandoned").asInt()).isZero();

            // Given up on after the outer wait (8 s); its consequence goes on for 20 s.
            HttpResponse<String> stuck = post(server, "application/yaml", named("stuck-briefly"));
            assertThat(body(stuck).get("scenarios").get(0).get("error").asText()).contains("ignored the halt");

            HttpResponse<String> refused = post(server, "application/yaml", Files.readString(CHILDREN));
            HttpResponse<String> ready = get(server, "/readyz");
            HttpResponse<String> health = get(server, "/healthz");
            assertThat(status(refused)).isEqualTo("503 stuck-evaluations");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(body(refused).get("error").get("message").asText()).startsWith("1 evaluation(s) ignored the halt and are still running (at most 1");
            assertThat(status(ready)).isEqualTo("503 stuck-evaluations");
            assertThat(health.statusCode()).as("alive: it answers").isEqualTo(200);
            assertThat(body(health).get("status").asText()).isEqualTo("degraded");
            assertThat(body(health).get("abandoned").asInt()).isEqualTo(1);
            assertThat(body(health).get("reason").asText()).contains("ignored the halt");

            // Once the consequence lets go, its thread is free and the server takes work again.
            HttpResponse<String> again = null;
            for (int i = 0; i < 120 && (again == null || again.statusCode() != 200); i++) {
                Thread.sleep(500);
                again = post(server, "application/yaml", Files.readString(CHILDREN));
            }
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
            assertThat(body(get(server, "/healthz")).get("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void serve_takes_its_body_timeout_from_the_command_line() throws Exception {
        dev.covenant.cli.Run zero = dev.covenant.cli.Run.run("serve", "--port", "0", "--body-timeout", "0");
        dev.covenant.cli.Run badHost = dev.covenant.cli.Run.run("serve", "--port", "0", "--allowed-host", "http://x/");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("--body-timeout 0.0 is out of range: from 1.0 to 3600.0 seconds");
        assertThat(badHost.code()).isEqualTo(2);
        assertThat(badHost.err()).contains("--allowed-host 'http://x/' is not a host name");

        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "dev.covenant.cli.Main", "serve",
                "--port", "0", "--body-timeout", "2").redirectErrorStream(true).start();
        try {
            java.io.BufferedReader err = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            for (String line = err.readLine(); line != null && port < 0; line = err.readLine()) {
                java.util.regex.Matcher listening = java.util.regex.Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)").matcher(line);
                if (listening.find()) {
                    port = Integer.parseInt(listening.group(1));
                }
            }
            assertThat(port).as("the server said where it listens").isPositive();
            URI ready = URI.create("http://127.0.0.1:" + port + "/readyz");
            for (int i = 0; i < 240 && HTTP.send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode() != 200; i++) {
                Thread.sleep(500);
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(("POST /v1/evaluations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                        + "Content-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 408")
                        .contains("\"code\":\"body-timeout\"", "the body did not arrive within 2 s");
            }
        } finally {
            serve.destroy();
            serve.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** A raw evaluation request, with {@code origin} when not null; the server closes the connection after it. */
    private static String rawPost(String host, String origin, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST /v1/evaluations HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Content-Type: application/yaml\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static CovenantServer.Config config() {
        return new CovenantServer.Config("127.0.0.1", 0, 1 << 20, 10, Duration.ofSeconds(20), 4, Duration.ofSeconds(5));
    }

    private static CovenantServer started(CovenantServer.Config config) {
        CovenantServer server = CovenantServer.start(config);
        server.serve(covenant);
        return server;
    }

    /** The children fixture under another platform name (the broken rules fire on theirs). */
    private static String named(String platform) throws IOException {
        return Files.readString(CHILDREN).replace("name: Example Learning", "name: " + platform)
                .replace("scenario: children-training", "scenario: " + platform);
    }

    /** Sends raw bytes and reads the answer until the server closes the connection (marked when it does not, in 30 s). */
    private static String raw(CovenantServer server, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            in.transferTo(answer);
        } catch (java.net.SocketException reset) {
            // Closed by the server: what arrived is the answer.
        } catch (SocketTimeoutException stillOpen) {
            return answer.toString(StandardCharsets.UTF_8) + "<connection still open>";
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static String status(HttpResponse<String> response) throws IOException {
        return response.statusCode() + " " + body(response).get("error").get("code").asText();
    }

    private static JsonNode body(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String base(CovenantServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    private static HttpRequest request(CovenantServer server, String type, String body) {
        return HttpRequest.newBuilder(URI.create(base(server) + "/v1/evaluations")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> post(CovenantServer server, String type, String body) throws Exception {
        return HTTP.send(request(server, type, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(CovenantServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base(server) + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
