// Per-call overhead: the same GET answered by an in-process server (the JDK's HttpServer on
// 127.0.0.1), through a raw java.net.http HttpClient request (decoded into the same type with
// the SDK's mapper) and through the generated client. Prints JSON: the median microseconds per
// call of each over rounds that interleave the two (in turns first), and the median of each
// round's ratio (two runs close in time meet the same load). Both send the same headers: the
// raw request also carries the API version the client sends by default.

import ai.extend.ExtendClient;
import ai.extend.core.ObjectMappers;
import ai.extend.types.File;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

public final class Calls {
    private static final byte[] FILE = ("{\"object\":\"file\",\"id\":\"file_bench\",\"name\":\"Invoice.pdf\","
            + "\"type\":\"PDF\",\"presignedUrl\":\"https://example.com/file_bench.pdf\",\"parentFileId\":null,"
            + "\"metadata\":{\"pageCount\":3},\"createdAt\":\"2025-01-01T00:00:00Z\","
            + "\"updatedAt\":\"2025-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

    private Calls() {}

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        // The JDK's server writes headers and body apart: without TCP_NODELAY every answer
        // waits for the client's delayed ACK (40 ms), which would measure nothing but that.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Request-Id", "req_1");
            exchange.sendResponseHeaders(200, FILE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(FILE);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            run(base, calls, rounds);
        } finally {
            server.stop(0);
            System.exit(0);
        }
    }

    private static void run(String base, int calls, int rounds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(base + "/files/file_bench");
        Callable<File> raw = () -> {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer t")
                    .header("x-extend-api-version", "2026-02-09")
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return ObjectMappers.JSON.readValue(response.body(), File.class);
        };
        ExtendClient sdk = ExtendClient.builder().apiKey("t").url(base).build();
        Callable<File> generated = () -> sdk.files().retrieve("file_bench");
        Map<String, Callable<File>> clients = new LinkedHashMap<>();
        clients.put("raw java.net.http", raw);
        clients.put("generated", generated);
        for (Callable<File> client : clients.values()) { // warm up: connections, the JIT
            for (int i = 0; i < 2000; i++) {
                if (!"file_bench".equals(client.call().getId())) {
                    throw new IllegalStateException("the answer was not decoded");
                }
            }
        }
        List<String> names = new ArrayList<>(clients.keySet());
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(names);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            Map<String, Double> took = new LinkedHashMap<>();
            for (String name : order) {
                Callable<File> client = clients.get(name);
                long start = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    client.call();
                }
                took.put(name, (System.nanoTime() - start) / 1000.0 / calls);
                times.computeIfAbsent(name, key -> new ArrayList<>()).add(took.get(name));
            }
            ratios.add(took.get("generated") / took.get("raw java.net.http"));
        }
        StringBuilder json = new StringBuilder("{");
        for (String name : names) {
            json.append(String.format("\"%s\": %.1f, ", name, median(times.get(name))));
        }
        json.append(String.format("\"ratio\": %.3f}", median(ratios)));
        System.out.println(json);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
