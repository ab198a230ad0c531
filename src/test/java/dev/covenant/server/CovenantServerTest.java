package dev.covenant.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.Covenant;
import dev.covenant.scenario.YamlJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a free loopback port, called with the JDK's HTTP client. */
class CovenantServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path CHILDREN = Path.of("fixtures/us/children-training.yaml");

    private static CovenantServer server;
    private static Covenant covenant;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = CovenantServer.start(new CovenantServer.Config("127.0.0.1", 0, 64 * 1024, 3, Duration.ofSeconds(20), 4,
                Duration.ofSeconds(10)));
        covenant = Covenant.builder().rules(Path.of("rules")).build();
        server.serve(covenant);
    }

    @AfterAll
    static void stop() {
        server.close();
        covenant.close();
    }

    @Test
    void health_readiness_catalog_and_unknown_paths() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(body(get("/readyz")).get("version").asText()).isEqualTo(dev.covenant.source.Version.current());
        assertThat(body(get("/readyz")).get("status").asText()).isEqualTo("ready");
        assertThat(body(get("/v1/rules")).get("rules")).hasSize(44);
        HttpResponse<String> missing = get("/v2/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(body(missing).get("error").get("code").asText()).isEqualTo("not-found");
        assertThat(send("GET", "/v1/evaluations", null, null).statusCode()).isEqualTo(405);
    }

    @Test
    void a_yaml_scenario_is_evaluated_into_the_json_report() throws Exception {
        HttpResponse<String> response = post("application/yaml", Files.readString(CHILDREN));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode finding = body(response).get("scenarios").get(0).get("findings").get(0);
        assertThat(finding.get("ruleId").asText()).isEqualTo("CHILD-DATA-TRAINING");
        assertThat(finding.get("evidence").get(0).get("file").asText()).isEqualTo("body");
        assertThat(finding.get("evidence").get(0).get("line").asInt()).isEqualTo(30);
    }

    @Test
    void json_bodies_and_several_scenarios_at_once() throws Exception {
        String one = YamlJson.convert(Files.readAllBytes(CHILDREN), "c").json().toString();
        String consent = YamlJson.convert(Files.readAllBytes(Path.of("fixtures/us/children-training-parental-consent.yaml")), "p").json().toString();

        JsonNode single = body(post("application/json", one));
        JsonNode array = body(post("application/json", "[" + one + "," + consent + "]"));
        JsonNode documents = body(post("application/yaml", Files.readString(CHILDREN) + "---\n"
                + Files.readString(Path.of("fixtures/us/children-training-parental-consent.yaml"))));

        assertThat(single.get("summary").get("findings").asInt()).isEqualTo(1);
        assertThat(array.get("summary").get("scenarios").asInt()).isEqualTo(2);
        assertThat(documents.get("summary").get("scenarios").asInt()).isEqualTo(2);
        assertThat(documents.get("summary").get("findings").asInt()).isEqualTo(1);
    }

    @Test
    void sarif_when_asked_by_query_or_accept_header() throws Exception {
        HttpResponse<String> byQuery = send("POST", "/v1/evaluations?format=sarif", "application/yaml", Files.readString(CHILDREN));
        HttpResponse<String> byAccept = HTTP.send(HttpRequest.newBuilder(uri("/v1/evaluations"))
                .header("Content-Type", "application/yaml").header("Accept", "application/sarif+json")
                .POST(HttpRequest.BodyPublishers.ofString(Files.readString(CHILDREN))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(body(byQuery).get("version").asText()).isEqualTo("2.1.0");
        assertThat(byAccept.headers().firstValue("Content-Type").orElse("")).startsWith("application/sarif+json");
    }

    @Test
    void an_invalid_scenario_is_422_with_the_cli_diagnostics_positioned_in_the_body() throws Exception {
        HttpResponse<String> response = post("application/yaml", Files.readString(Path.of("src/test/resources/scenarios/invalid/unknown-key.yaml")));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = body(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid-scenario");
        assertThat(error.get("diagnostics").get(0).get("line").asInt()).isEqualTo(8);
        assertThat(error.get("diagnostics").get(0).get("column").asInt()).isEqualTo(5);
        assertThat(error.get("diagnostics").get(0).get("message").asText()).contains("unknown key 'categorys'");
        assertThat(error.get("diagnostics").get(0).get("level").asText()).as("the one diagnostic shape, as the report has it").isEqualTo("error");
    }

    @Test
    void oversized_bodies_too_many_scenarios_empty_bodies_and_other_media_types_are_refused() throws Exception {
        String big = "scenario: x\nas_of: 2025-01-21\nplatform: {name: x}\ntitle: \"" + "y".repeat(70 * 1024) + "\"\n";
        String four = String.join("---\n", List.of(Files.readString(CHILDREN), Files.readString(CHILDREN), Files.readString(CHILDREN),
                Files.readString(CHILDREN)));

        assertThat(status(post("application/yaml", big))).isEqualTo("413 body-too-large");
        assertThat(status(post("application/yaml", four))).isEqualTo("413 too-many-scenarios");
        assertThat(status(post("application/yaml", ""))).isEqualTo("400 empty-body");
        assertThat(status(post("text/plain", "hello"))).isEqualTo("415 unsupported-media-type");
    }

    @Test
    void an_unknown_format_is_a_json_400_and_the_known_ones_answer() throws Exception {
        String scenario = Files.readString(CHILDREN);

        HttpResponse<String> unknown = send("POST", "/v1/evaluations?format=xml", "application/yaml", scenario);
        assertThat(status(unknown)).isEqualTo("400 unknown-format");
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(body(unknown).get("error").get("message").asText()).isEqualTo("unknown format 'xml'; expected json or sarif");
        assertThat(send("POST", "/v1/evaluations?format=json", "application/yaml", scenario).statusCode()).isEqualTo(200);
        assertThat(body(send("POST", "/v1/evaluations?format=sarif", "application/yaml", scenario)).get("version").asText())
                .isEqualTo("2.1.0");
    }

    @Test
    void reload_keeps_the_last_good_rules_when_an_edit_does_not_compile_and_drops_no_request() throws Exception {
        Path rules = dev.covenant.TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        try (Covenant local = Covenant.builder().rules(rules).build();
                CovenantServer own = CovenantServer.start(new CovenantServer.Config("127.0.0.1", 0, 1 << 20, 10, Duration.ofSeconds(20), 16,
                        Duration.ofSeconds(10)))) {
            own.serve(local);
            String base = "http://127.0.0.1:" + own.port();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                inFlight.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/v1/evaluations"))
                        .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(Files.readString(CHILDREN))).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Path rule = rules.resolve("us/consent-uses.drl.csv");
            String good = Files.readString(rule);
            Files.writeString(rule, good.replace(",critical,", ",high,"));
            HttpResponse<String> reloaded = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/rules:reload"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            for (var request : inFlight) {
                assertThat(request.get().statusCode()).isEqualTo(200);
            }
            assertThat(reloaded.statusCode()).isEqualTo(200);
            assertThat(reloaded.body()).matches("\\{\"reloaded\":true,\"rules\":\\d+}");

            Files.writeString(rule, good.replace("!this.restsOn(\"\"$param\"\")", "!this.restsOn(\"\"$param\"\""));
            HttpResponse<String> broken = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/rules:reload"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(broken.statusCode()).isEqualTo(422);
            assertThat(body(broken).get("error").get("diagnostics").get(0).get("file").asText()).endsWith("us/consent-uses.drl.csv");

            HttpResponse<String> still = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/evaluations"))
                    .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(Files.readString(CHILDREN))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(still.statusCode()).isEqualTo(200);
            assertThat(body(still).get("scenarios").get(0).get("findings").get(0).get("severity").asText())
                    .as("the pack reloaded first is still in use").isEqualTo("high");
        }
    }

    @Test
    void overload_is_429_with_retry_after_and_shutdown_finishes_requests_in_flight() throws Exception {
        Path rules = dev.covenant.TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Files.writeString(rules.resolve("classify/slow.drl"), """
                package rules.classify;
                import dev.covenant.model.Practice;
                rule "a slow classification, for this test"
                    @derive
                    salience 100
                when
                    $p : Practice( )
                then
                    try { Thread.sleep(1500); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                end
                """);
        try (Covenant local = Covenant.builder().rules(rules).build()) {
            CovenantServer own = CovenantServer.start(new CovenantServer.Config("127.0.0.1", 0, 1 << 20, 10, Duration.ofSeconds(20), 1,
                    Duration.ofSeconds(10)));
            own.serve(local);
            String base = "http://127.0.0.1:" + own.port();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/evaluations")).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(Files.readString(CHILDREN))).build();
            CompletableFuture<HttpResponse<String>> slow = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
            HttpResponse<String> refused = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");

            assertThat(slow.get().statusCode()).isEqualTo(200);
            CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            Thread.sleep(400);
            own.close();
            assertThat(inFlight.get().statusCode()).as("finished during shutdown").isEqualTo(200);
        }
    }

    @Test
    void the_openapi_document_lists_exactly_the_routes_the_server_answers() throws Exception {
        JsonNode paths = body(get("/openapi.json")).get("paths");
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(documented).isEqualTo(new TreeSet<>(CovenantServer.ROUTES));
        for (String route : CovenantServer.ROUTES) {
            String[] parts = route.split(" ");
            int status = send(parts[0], parts[1], parts[0].equals("POST") ? "application/yaml" : null,
                    parts[0].equals("POST") ? Files.readString(CHILDREN) : null).statusCode();
            assertThat(status).as(route).isNotIn(404, 405);
        }
    }

    private static String status(HttpResponse<String> response) throws IOException {
        return response.statusCode() + " " + body(response).get("error").get("code").asText();
    }

    private static JsonNode body(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private static HttpResponse<String> post(String type, String body) throws Exception {
        return send("POST", "/v1/evaluations", type, body);
    }

    private static HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
