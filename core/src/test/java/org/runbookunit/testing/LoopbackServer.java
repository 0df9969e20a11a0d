package org.runbookunit.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Serve fixed answers on a loopback port for tests, and remember every request it got. */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    private LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
        server.setExecutor(executor);
    }

    /** Start a server with no routes yet; add them with {@link #json} and {@link #route}. */
    public static LoopbackServer start() {
        LoopbackServer loopback = new LoopbackServer();
        loopback.server.start();
        return loopback;
    }

    /** Answer a path with a status and a JSON body. */
    public LoopbackServer json(String path, int status, String body) {
        return route(path, exchange -> respond(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Answer a path with custom code. */
    public LoopbackServer route(String path, Handler handler) {
        server.createContext(path, exchange -> {
            requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    /** Return the base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Return the headers of every request received, in order. */
    public List<Map<String, List<String>>> requestHeaders() {
        return List.copyOf(requestHeaders);
    }

    /** Return {@code "METHOD /path?query"} of every request received, in order. */
    public List<String> requests() {
        return List.copyOf(requestLines);
    }

    /** Write a complete response. */
    public static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Handle one exchange. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
