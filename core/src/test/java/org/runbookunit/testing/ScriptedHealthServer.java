package org.runbookunit.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * Serve {@code /health} on loopback with a status that follows a script: by request number, or flipping at a moment.
 */
public final class ScriptedHealthServer implements AutoCloseable {

    private final LoopbackServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private ScriptedHealthServer(IntUnaryOperator statusOfRequest) {
        server = LoopbackServer.start().route("/health", exchange -> {
            int status = statusOfRequest.applyAsInt(requests.getAndIncrement());
            String body = status == 200 ? "{\"status\":\"healthy\"}" : "{\"status\":\"unhealthy\"}";
            LoopbackServer.respond(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Answer request {@code n} (from 0) with {@code statuses.get(n)}, and 200 after the list ends. */
    public static ScriptedHealthServer byRequest(List<Integer> statuses) {
        return new ScriptedHealthServer(index -> index < statuses.size() ? statuses.get(index) : 200);
    }

    /** Answer 503 until {@code flipAfter} has passed since start, then 200. */
    public static ScriptedHealthServer flippingAfter(Duration flipAfter) {
        long flipAt = System.nanoTime() + flipAfter.toNanos();
        return new ScriptedHealthServer(index -> System.nanoTime() >= flipAt ? 200 : 503);
    }

    /** Answer 503 forever. */
    public static ScriptedHealthServer alwaysDown() {
        return new ScriptedHealthServer(index -> 503);
    }

    /** Return the base URI. */
    public URI uri() {
        return server.uri();
    }

    /** Return how many requests arrived. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.close();
    }
}
