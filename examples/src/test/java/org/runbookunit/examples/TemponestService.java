package org.runbookunit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Run a sample temponest (agents, auth and web UI in one process) on 127.0.0.1: {@code /health}, {@code /auth/register},
 * {@code /auth/login}, {@code /auth/logout}, {@code /agents} (cached in Redis), {@code /agents/execute} (a run written
 * to PostgreSQL, then the {@code agent.execution.completed} webhooks called), {@code /scheduler/status},
 * {@code /scheduler/schedules}, {@code /webhooks}, a receiver {@code /webhooks/sink} and {@code /version} (its
 * release). It logs to a file, one
 * ISO-timestamped line per event; with {@code failingAgents} it logs an ERROR at start-up and
 * every execution fails with 500 and logs an ERROR.
 */
final class TemponestService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final TemponestStore store;
    private final Path log;
    private final boolean failingAgents;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private TemponestService(TemponestStore store, Path log, boolean failingAgents, String release, int port)
            throws IOException {
        this.store = store;
        this.log = log;
        this.failingAgents = failingAgents;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        server.setExecutor(workers);
        server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"healthy\"}"));
        server.createContext("/auth/", this::auth);
        server.createContext("/agents", this::agents);
        server.createContext("/scheduler/", this::scheduler);
        server.createContext("/webhooks", this::webhooks);
        server.createContext("/version", exchange -> answer(exchange, 200, "{\"version\":\"" + release + "\"}"));
    }

    /** Connect to PostgreSQL and Redis, log the start-up lines, and serve. */
    static TemponestService start(TemponestStore store, Path log, boolean failingAgents) throws Exception {
        return start(store, log, failingAgents, "1.8.0", 0);
    }

    /** Start as {@link #start(TemponestStore, Path, boolean)}, as this release, on this port of 127.0.0.1 (0: any). */
    static TemponestService start(TemponestStore store, Path log, boolean failingAgents, String release, int port)
            throws Exception {
        Files.createDirectories(log.getParent());
        TemponestService service = new TemponestService(store, log, failingAgents, release, port);
        store.ping();
        service.log("INFO", "Database connection successful");
        service.log("INFO", "Redis connected");
        if (failingAgents) {
            service.log("ERROR", "agents: Ollama unreachable at http://127.0.0.1:11434, agent workers disabled");
        }
        service.server.start();
        service.log("INFO", "Application startup complete");
        return service;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void auth(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/auth/logout")) {
                boolean out = store.logout(token(exchange));
                answer(exchange, out ? 200 : 401, out ? "{\"redirect\":\"/login\"}" : "{\"error\":\"not logged in\"}");
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String email = body.path("email").asText();
            String password = body.path("password").asText();
            if (path.equals("/auth/register")) {
                boolean created = !email.isBlank() && password.equals(body.path("confirm_password").asText())
                        && store.register(email, password);
                log("INFO", "register " + (created ? "created" : "refused"));
                answer(exchange, created ? 201 : 409, created ? "{\"redirect\":\"/dashboard\"}" : "{\"error\":\"refused\"}");
            } else {
                String token = store.login(email, password);
                answer(exchange, token == null ? 401 : 200, token == null ? "{\"error\":\"invalid credentials\"}"
                        : "{\"token\":\"" + token + "\",\"redirect\":\"/dashboard\"}");
            }
        } catch (Exception failed) {
            fail(exchange, "auth", failed);
        }
    }

    private void agents(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestURI().getPath().equals("/agents/execute")) {
                answer(exchange, 200, store.agentsJson());
                return;
            }
            String user = store.user(token(exchange));
            if (user == null) {
                answer(exchange, 401, "{\"error\":\"login first\"}");
                return;
            }
            if (failingAgents) {
                throw new IllegalStateException("agent worker pool exhausted");
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String id = store.execute(body.path("agent").asText(), body.path("task").asText(), user);
            if (id == null) {
                answer(exchange, 404, "{\"error\":\"no such agent\"}");
                return;
            }
            log("INFO", "agent run " + id + " queued -> running -> completed");
            notify(id);
            answer(exchange, 201, "{\"id\":" + id + ",\"status\":\"completed\",\"tokens\":120,\"cost_usd\":0.0024}");
        } catch (Exception failed) {
            fail(exchange, "agents", failed);
        }
    }

    private void notify(String runId) throws Exception {
        for (String[] hook : store.webhooks("agent.execution.completed")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hook[1])).timeout(Duration.ofSeconds(2))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"agent.execution.completed\",\"run\":" + runId + "}"))
                    .header("Content-Type", "application/json").build();
            store.delivered(hook[0], client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    private void scheduler(HttpExchange exchange) throws IOException {
        try {
            if (exchange.getRequestMethod().equals("POST")) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                store.addSchedule(body.path("name").asText(), body.path("cron").asText(), body.path("agent").asText(),
                        body.path("task").asText());
                answer(exchange, 201, "{\"status\":\"Active\"}");
            } else {
                answer(exchange, 200, store.schedulerJson());
            }
        } catch (Exception failed) {
            fail(exchange, "scheduler", failed);
        }
    }

    private void webhooks(HttpExchange exchange) throws IOException {
        try {
            boolean sink = exchange.getRequestURI().getPath().equals("/webhooks/sink");
            if (sink && exchange.getRequestMethod().equals("POST")) {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                answer(exchange, 204, "");
            } else if (sink) {
                answer(exchange, 200, "{\"received\":[" + String.join(",", received) + "]}");
            } else {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                answer(exchange, 201, "{\"id\":" + store.addWebhook(body.path("url").asText(), body.path("event").asText()) + "}");
            }
        } catch (Exception failed) {
            fail(exchange, "webhooks", failed);
        }
    }

    private static String token(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header == null || !header.startsWith("Bearer ") ? null : header.substring(7);
    }

    private void fail(HttpExchange exchange, String service, Exception failed) throws IOException {
        log("ERROR", service + ": " + failed);
        answer(exchange, 500, "{\"error\":\"internal\"}");
    }

    private synchronized void log(String level, String message) {
        try {
            Files.writeString(log, Instant.now() + " " + level + " " + message + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        store.close();
    }
}
