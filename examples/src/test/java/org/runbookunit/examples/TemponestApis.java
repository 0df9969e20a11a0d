package org.runbookunit.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Stand in for seed 004's staging auth and agents services on two loopback ports: {@code GET /health} on auth, and
 * {@code GET /agents} on agents, which lists the agent types (Developer, Reviewer, …) the way its load test reads them.
 * Each has a fixed pool of workers, like a service with a bounded thread pool; {@code agentsDelay} makes agents slow.
 */
final class TemponestApis implements AutoCloseable {

    private static final String AGENTS = IntStream.rangeClosed(1, 20)
            .mapToObj(id -> "{\"id\":" + id + ",\"type\":\"" + (id % 2 == 0 ? "Developer" : "Reviewer")
                    + "\",\"status\":\"idle\"}")
            .collect(Collectors.joining(",", "{\"agents\":[", "],\"total\":20}"));

    private final HttpServer auth;
    private final HttpServer agents;
    private final ExecutorService workers = Executors.newFixedThreadPool(16);

    private TemponestApis(Duration agentsDelay) {
        auth = server();
        auth.createContext("/health", exchange -> json(exchange, "{\"status\":\"healthy\",\"service\":\"auth\"}"));
        agents = server();
        agents.createContext("/agents", exchange -> {
            pause(agentsDelay);
            json(exchange, AGENTS);
        });
        auth.start();
        agents.start();
    }

    /** Start both services, healthy and fast. */
    static TemponestApis start() {
        return new TemponestApis(Duration.ZERO);
    }

    /** Start both services with every agents request taking this long (a slow deploy). */
    static TemponestApis withSlowAgents(Duration delay) {
        return new TemponestApis(delay);
    }

    URI authUri() {
        return URI.create("http://127.0.0.1:" + auth.getAddress().getPort());
    }

    URI agentsUri() {
        return URI.create("http://127.0.0.1:" + agents.getAddress().getPort());
    }

    private HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            server.setExecutor(workers);
            return server;
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        auth.stop(0);
        agents.stop(0);
        workers.shutdownNow();
    }
}
