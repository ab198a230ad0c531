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
 * Usage: java Load URL CLIENTS SECONDS VALID_FILE INVALID_FILE
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
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
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
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        if (response.statusCode() == 429) {
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
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long total = statuses.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf(Locale.ROOT, "clients=%d seconds=%d responses=%d lost=%d%n", clients, seconds, total, lost.get());
        new TreeMap<>(errors).forEach((type, count) -> System.out.printf(Locale.ROOT, "lost.%s=%d%n", type, count.get()));
        new TreeMap<>(statuses).forEach((status, count) -> System.out.printf(Locale.ROOT, "status.%d=%d%n", status, count.get()));
        System.out.printf(Locale.ROOT, "latency.p50_ms=%.1f%nlatency.p99_ms=%.1f%nlatency.max_ms=%.1f%nthroughput_per_s=%.1f%n",
                pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 1.0), total / (double) seconds);
        boolean serverErrors = statuses.keySet().stream().anyMatch(s -> s >= 500);
        System.exit(serverErrors || lost.get() > 0 ? 1 : 0);
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
