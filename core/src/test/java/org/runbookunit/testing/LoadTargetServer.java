package org.runbookunit.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/**
 * Serve {@code /} on a loopback port with a fixed pool of worker threads, answering each request after a delay with a
 * status chosen by its sequence number, for load tests: a slow, failing or saturated server on demand.
 */
public final class LoadTargetServer implements AutoCloseable {

    private static final byte[] BODY = "{\"status\":\"healthy\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService workers;
    private final AtomicLong requests = new AtomicLong();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private LoadTargetServer(int threads, Duration delay, LongUnaryOperator status) {
        workers = Executors.newFixedThreadPool(threads);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
        server.setExecutor(workers);
        server.createContext("/", exchange -> {
            long number = requests.incrementAndGet();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null && authorizations.size() < 10) {
                authorizations.add(authorization);
            }
            try (exchange) {
                Thread.sleep(delay.toMillis());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders((int) status.applyAsLong(number), BODY.length);
                exchange.getResponseBody().write(BODY);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** Start a server answering 200 after the delay, with this many worker threads. */
    public static LoadTargetServer start(int threads, Duration delay) {
        return new LoadTargetServer(threads, delay, number -> 200);
    }

    /** Start a server answering the status the function gives each request's sequence number (1, 2, …). */
    public static LoadTargetServer start(int threads, Duration delay, LongUnaryOperator status) {
        return new LoadTargetServer(threads, delay, status);
    }

    /** Return the base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Return how many requests arrived. */
    public long requests() {
        return requests.get();
    }

    /** Return the first Authorization headers received. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
