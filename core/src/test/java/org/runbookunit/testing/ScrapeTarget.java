package org.runbookunit.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serve metrics in the Prometheus text format on a loopback port, for a real Prometheus to scrape; the test sets the
 * values (counters and gauges without labels, or with labels written into the name).
 */
public final class ScrapeTarget implements AutoCloseable {

    private final LoopbackServer server = LoopbackServer.start();
    private final Map<String, Double> values = new ConcurrentHashMap<>();

    private ScrapeTarget(String path) {
        server.route(path, exchange -> {
            StringBuilder text = new StringBuilder();
            values.forEach((name, value) -> text.append(name).append(' ').append(value).append('\n'));
            LoopbackServer.respond(exchange, 200, "text/plain; version=0.0.4",
                    text.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Serve metrics at a path, e.g. {@code /metrics}. */
    public static ScrapeTarget serving(String path) {
        return new ScrapeTarget(path);
    }

    /** Set a sample, e.g. {@code set("http_requests_total{status=\"500\"}", 3)}. */
    public ScrapeTarget set(String series, double value) {
        values.put(series, value);
        return this;
    }

    /** Return the URL Prometheus scrapes. */
    public URI uri(String path) {
        return server.uri().resolve(path);
    }

    @Override
    public void close() {
        server.close();
    }
}
