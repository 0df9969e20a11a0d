package org.runbookunit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.testing.LoopbackHttp;

/**
 * Start Prometheus and call it healthy only once it has scraped every target, and every target twice: Prometheus
 * hands new targets to its scrapers up to 5 s after it is ready, and a rate or {@code increase()} needs two samples,
 * as on a staging Prometheus that has been running for a while.
 */
final class FirstScrape implements RehearsalService {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** How many targets have two samples of {@code up} or more. */
    private static final String SCRAPED_TWICE = "count(count_over_time(up[1m]) >= 2)";

    private final ObjectMapper json = new ObjectMapper();
    private final RehearsalService prometheus;
    private final URI targets;
    private final URI scrapedTwice;

    FirstScrape(RehearsalService prometheus, int port) {
        this.prometheus = prometheus;
        this.targets = URI.create("http://127.0.0.1:" + port + "/api/v1/targets?state=active");
        this.scrapedTwice = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(SCRAPED_TWICE, StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return prometheus.name();
    }

    @Override
    public void start() throws Exception {
        prometheus.start();
        long giveUp = System.nanoTime() + DEADLINE.toNanos();
        while (!everyTargetScrapedTwice()) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("Prometheus did not scrape every target twice, one of them up, within "
                        + DEADLINE.toSeconds() + " s: " + LoopbackHttp.get(targets));
            }
            Thread.sleep(200);
        }
    }

    private boolean everyTargetScrapedTwice() throws IOException {
        JsonNode active = json.readTree(LoopbackHttp.get(targets)).path("data").path("activeTargets");
        boolean oneUp = active.findValuesAsText("health").contains("up");
        JsonNode result = json.readTree(LoopbackHttp.get(scrapedTwice)).path("data").path("result");
        int twice = result.isEmpty() ? 0 : result.get(0).path("value").get(1).asInt();
        return oneUp && twice == active.size();
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
