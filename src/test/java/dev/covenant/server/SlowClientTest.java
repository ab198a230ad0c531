package dev.covenant.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.Covenant;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slowloris-style clients that never finish their headers are cut off, and do not starve others meanwhile. */
class SlowClientTest {

    @Test
    void slow_clients_time_out_while_others_are_served() throws Exception {
        try (Covenant covenant = Covenant.builder().build();
                CovenantServer server = CovenantServer.start(CovenantServer.Config.defaults().withPort(0))) {
            server.serve(covenant);
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write("POST /v1/evaluations HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/evaluations"))
                        .header("Content-Type", "application/yaml")
                        .POST(HttpRequest.BodyPublishers.ofString(Files.readString(Path.of("fixtures/us/children-training.yaml")))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("served while 50 clients dawdle").isEqualTo(200);
            }

            for (Socket socket : slow) {
                try (socket; InputStream in = socket.getInputStream()) {
                    // The server closes (read returns -1) or answers with an error once the parse timeout passes.
                    int first = in.read();
                    assertThat(first == -1 || first == 'H').as("closed or refused, not held open").isTrue();
                }
            }
        }
    }
}
