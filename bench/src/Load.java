import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load test for covenant serve, run as its own process against a loopback address: CLIENTS virtual
 * clients send a mix of valid, invalid and oversized evaluations for SECONDS, each waiting for its answer
 * before the next. Prints status counts, lost responses (exceptions) and latency percentiles; exits 1 on
 * any 5xx other than 503-before-ready or any lost response.
 * With STUCK_FILE (a scenario the server's rules loop on, ignoring the halt), attackers run alongside:
 * 64 connections that send headers and a Content-Length but no body, 4 clients posting the stuck
 * scenario, and a health probe every 200 ms; their answers are counted apart ({@code attack.*},
 * {@code health.*}). Then any 5xx anywhere, a lost load or health response, or a health answer other
 * than 200 fails the run; the documented 503 stuck-evaluations (once the stuck requests have filled the
 * server's cap on abandoned evaluations) is counted apart and is no failure.
 * Usage: java Load URL CLIENTS SECONDS VALID_FILE INVALID_FILE [STUCK_FILE]
 */
public final class Load {

    public static void main(String[] args) throws Exception {
        URI target = URI.create(args[0] + "/v1/evaluations");
        int clients = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        String valid = Files.readString(Path.of(args[3]));
        String invalid = Files.readString(Path.of(args[4]));
        String oversized = "scenario: big\nas_of: 2025-01-21\nplatform: {name: x}\ntitle: \"" + "x".repeat(2 * 1024 * 1024) + "\"\n";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong lost = new AtomicLong();
        AtomicLong stuckRefusals = new AtomicLong();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Map<String, AtomicLong> attack = new ConcurrentHashMap<>();
        List<Long> healthLatencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> attackers = new ArrayList<>();
        if (args.length > 5) {
            String stuck = Files.readString(Path.of(args[5]));
            URI base = URI.create(args[0]);
            for (int i = 0; i < 64; i++) {
                attackers.add(daemon(() -> {
                    while (System.nanoTime() < end) {
                        count(attack, "attack.slow-body." + slowBody(base));
                    }
                }));
            }
            for (int i = 0; i < 4; i++) {
                attackers.add(daemon(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(120))
                                    .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(stuck)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            count(attack, stuckEvaluations(response) ? "attack.stuck-rule.refused-stuck-evaluations"
                                    : "attack.stuck-rule." + response.statusCode() + (response.body().contains("ignored the halt") ? ".scenario-error" : ""));
                            if (response.statusCode() == 429 || stuckEvaluations(response)) {
                                Thread.sleep(50);
                            }
                        } catch (Exception e) {
                            count(attack, "attack.stuck-rule.lost." + e.getClass().getSimpleName());
                        }
                    }
                }));
            }
            attackers.add(daemon(() -> {
                URI health = URI.create(args[0] + "/healthz");
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        healthLatencies.add(System.nanoTime() - start);
                        count(attack, "health." + response.statusCode());
                        if (response.body().contains("\"status\":\"degraded\"")) {
                            count(attack, "degraded-health");
                        }
                        Thread.sleep(200);
                    } catch (Exception e) {
                        count(attack, "health.lost." + e.getClass().getSimpleName());
                    }
                }
            }));
        }
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread worker = new Thread(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    String body = switch ((int) ((client + n++) % 10)) {
                        case 0 -> oversized;
                        case 1, 2 -> invalid;
                        default -> valid;
                    };
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - start);
                        if (stuckEvaluations(response)) {
                            // The documented refusal while abandoned evaluations hold the cap: counted apart, not a failure.
                            stuckRefusals.incrementAndGet();
                        } else {
                            statuses.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        }
                        if (response.statusCode() == 429 || stuckEvaluations(response)) {
                            Thread.sleep(50);
                        }
                    } catch (Exception e) {
                        lost.incrementAndGet();
                        errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    }
                }
                done.countDown();
            });
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        for (Thread attacker : attackers) {
            attacker.join(150_000);
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long total = statuses.values().stream().mapToLong(AtomicLong::get).sum() + stuckRefusals.get();
        System.out.printf(Locale.ROOT, "clients=%d seconds=%d responses=%d lost=%d%n", clients, seconds, total, lost.get());
        new TreeMap<>(errors).forEach((type, count) -> System.out.printf(Locale.ROOT, "lost.%s=%d%n", type, count.get()));
        new TreeMap<>(statuses).forEach((status, count) -> System.out.printf(Locale.ROOT, "status.%d=%d%n", status, count.get()));
        System.out.printf(Locale.ROOT, "status.503.stuck-evaluations=%d%n", stuckRefusals.get());
        System.out.printf(Locale.ROOT, "latency.p50_ms=%.1f%nlatency.p99_ms=%.1f%nlatency.max_ms=%.1f%nthroughput_per_s=%.1f%n",
                pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 1.0), total / (double) seconds);
        new TreeMap<>(attack).forEach((what, count) -> System.out.printf(Locale.ROOT, "%s=%d%n", what, count.get()));
        if (!healthLatencies.isEmpty()) {
            List<Long> health = new ArrayList<>(healthLatencies);
            Collections.sort(health);
            System.out.printf(Locale.ROOT, "health.latency.p50_ms=%.1f%nhealth.latency.max_ms=%.1f%n", pct(health, 0.5), pct(health, 1.0));
        }
        boolean serverErrors = statuses.keySet().stream().anyMatch(s -> s >= 500)
                || attack.keySet().stream().anyMatch(k -> k.matches(".*\\.5\\d\\d.*"));
        boolean unhealthy = attack.keySet().stream().anyMatch(k -> k.startsWith("health.") && !k.equals("health.200"));
        System.out.printf(Locale.ROOT, "unexpected_5xx=%s unhealthy=%s%n", serverErrors, unhealthy);
        System.exit(serverErrors || unhealthy || lost.get() > 0 ? 1 : 0);
    }

    /** The 503 the server sends while as many evaluations as it may run ignored the halt and still run. */
    private static boolean stuckEvaluations(HttpResponse<String> response) {
        return response.statusCode() == 503 && response.body().contains("\"code\":\"stuck-evaluations\"");
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void count(Map<String, AtomicLong> counts, String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    /** One connection that sends headers promising a body and never sends it: the status it gets, or how it ended. */
    private static String slowBody(URI base) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(120_000);
            socket.getOutputStream().write(("POST /v1/evaluations HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: 1000\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            return answer.startsWith("HTTP/1.1 ") ? answer.substring(9, 12) : "closed";
        } catch (Exception e) {
            return "lost." + e.getClass().getSimpleName();
        }
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
