package org.runbookunit.examples.signalharvester;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Run the sample signal-harvester API on 127.0.0.1: {@code /health/ready|live|startup}, {@code /api/artifacts/top},
 * {@code /metrics/prometheus}; 100 requests a minute per client with {@code X-RateLimit-*} headers (the metrics path
 * is not limited, so scraping does not eat the budget; a request carrying the service's {@code X-API-Key} is a
 * service client's and is not limited either, so a performance test can be sent from one address), and a scheduler
 * that reads the artifacts through the cache every 200 ms and counts a pipeline heartbeat.
 *
 * <pre>{@code
 * try (SignalHarvesterApi api = SignalHarvesterApi.start(0, jdbcUrl, user, password, URI.create("redis://:pw@127.0.0.1:6379"))) {
 *     URI base = api.baseUri();
 * }
 * }</pre>
 */
public final class SignalHarvesterApi implements AutoCloseable {

    /** The requests a client may make per minute. */
    public static final int RATE_LIMIT = 100;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ApiMetrics metrics = new ApiMetrics();
    private final RateLimiter limiter = new RateLimiter(RATE_LIMIT, Duration.ofMinutes(1), Clock.systemUTC());
    private final Backends backends;
    private final HealthChecks health;
    private final String apiKey;

    private SignalHarvesterApi(InetSocketAddress address, String jdbcUrl, String user, String password, URI redis,
            String apiKey) throws IOException {
        this.apiKey = apiKey;
        backends = new Backends(jdbcUrl, user, password, redis, metrics);
        health = new HealthChecks(backends);
        server = HttpServer.create(address, 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Start the API on a port of 127.0.0.1 (0 for any free one) against its database and Redis. */
    public static SignalHarvesterApi start(int port, String jdbcUrl, String user, String password, URI redis)
            throws IOException {
        return start(port, jdbcUrl, user, password, redis, "");
    }

    /** Start the API as {@link #start(int, String, String, String, URI)}, exempting requests with this API key. */
    public static SignalHarvesterApi start(int port, String jdbcUrl, String user, String password, URI redis,
            String apiKey) throws IOException {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), jdbcUrl, user, password, redis, apiKey);
    }

    /**
     * Start the API on any address, e.g. {@code 0.0.0.0:8000} inside a container (see {@link Harvest}); on this
     * machine use the loopback overloads.
     */
    public static SignalHarvesterApi start(InetSocketAddress address, String jdbcUrl, String user, String password,
            URI redis, String apiKey) throws IOException {
        SignalHarvesterApi api = new SignalHarvesterApi(address, jdbcUrl, user, password, redis, apiKey);
        api.server.start();
        api.scheduler.scheduleWithFixedDelay(api::heartbeat, 0, 200, TimeUnit.MILLISECONDS);
        return api;
    }

    /** Return the base URI, e.g. {@code http://127.0.0.1:8000}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void heartbeat() {
        try {
            backends.topArtifacts();
            metrics.heartbeat();
        } catch (Exception missed) {
            // no heartbeat this time: the metric stops increasing, which is what the runbook watches
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/metrics/prometheus")) {
                respond(exchange, path, 200, "text/plain; version=0.0.4", metrics.exposition(), Map.of());
                return;
            }
            if (serviceClient(exchange)) {
                route(exchange, path, Map.of());
                return;
            }
            RateLimiter.Decision decision = limiter.take(exchange.getRemoteAddress().getAddress().getHostAddress());
            if (!decision.allowed()) {
                respond(exchange, path, 429, "application/json", "{\"detail\":\"Rate limit exceeded\"}", decision.headers());
                return;
            }
            route(exchange, path, decision.headers());
        }
    }

    private boolean serviceClient(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst("X-API-Key");
        return !apiKey.isEmpty() && key != null
                && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }

    private void route(HttpExchange exchange, String path, Map<String, String> headers) throws IOException {
        switch (path) {
            case "/health/ready" -> json(exchange, path, health.ready(), headers);
            case "/health/live" -> json(exchange, path, health.live(), headers);
            case "/health/startup" -> json(exchange, path, health.startup(), headers);
            case "/api/artifacts/top" -> {
                try {
                    respond(exchange, path, 200, "application/json", backends.topArtifacts(), headers);
                } catch (Exception failed) {
                    respond(exchange, path, 500, "application/json", "{\"detail\":\"Internal Server Error\"}", headers);
                }
            }
            default -> respond(exchange, "other", 404, "application/json", "{\"detail\":\"Not Found\"}", headers);
        }
    }

    private void json(HttpExchange exchange, String path, ObjectNode body, Map<String, String> headers) throws IOException {
        int status = "healthy".equals(body.get("status").asText()) ? 200 : 503;
        respond(exchange, path, status, "application/json", body.toString(), headers);
    }

    private void respond(HttpExchange exchange, String path, int status, String type, String body,
            Map<String, String> headers) throws IOException {
        metrics.request(exchange.getRequestMethod(), path, status);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Stop serving and the scheduler, and close the Redis pool. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        server.stop(0);
        executor.shutdownNow();
        backends.close();
    }
}
