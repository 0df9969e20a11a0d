package org.runbookunit.examples;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.testing.LoopbackHttp;

/**
 * Start Prometheus and call it healthy only once it has scraped a job successfully, as a compose health check on the
 * first scrape would: Prometheus hands new targets to its scrapers up to 5 s after it is ready.
 */
final class FirstScrape implements RehearsalService {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final RehearsalService prometheus;
    private final URI targets;

    FirstScrape(RehearsalService prometheus, int port) {
        this.prometheus = prometheus;
        this.targets = URI.create("http://127.0.0.1:" + port + "/api/v1/targets?state=active");
    }

    @Override
    public String name() {
        return prometheus.name();
    }

    @Override
    public void start() throws Exception {
        prometheus.start();
        long giveUp = System.nanoTime() + DEADLINE.toNanos();
        while (!LoopbackHttp.get(targets).contains("\"health\":\"up\"")) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("Prometheus scraped no target up within " + DEADLINE.toSeconds() + " s: "
                        + LoopbackHttp.get(targets));
            }
            Thread.sleep(200);
        }
    }

    @Override
    public Map<String, URI> endpoints() {
        return prometheus.endpoints();
    }

    @Override
    public String logs() {
        return prometheus.logs();
    }

    @Override
    public void close() {
        prometheus.close();
    }
}
