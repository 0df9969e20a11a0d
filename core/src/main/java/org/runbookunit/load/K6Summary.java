package org.runbookunit.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Read a k6 end-of-test summary: the {@code --summary-export} file ({@code metrics.http_req_duration["p(95)"]} in
 * milliseconds, {@code metrics.http_req_failed.value} as the failed rate, {@code metrics.http_reqs.count} and
 * {@code rate}) or the {@code handleSummary} JSON, which nests the same figures under {@code values}.
 */
final class K6Summary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private K6Summary() {
    }

    static LoadResult read(String name, Path file) {
        JsonNode metrics = tree(file).path("metrics");
        JsonNode duration = values(metrics, "http_req_duration", file);
        JsonNode failed = values(metrics, "http_req_failed", file);
        JsonNode requests = values(metrics, "http_reqs", file);
        long count = requests.path("count").asLong();
        double rate = requests.path("rate").asDouble();
        double failedRate = failed.has("rate") ? failed.path("rate").asDouble() : failed.path("value").asDouble();
        long failures = Math.round(failedRate * count);
        Duration elapsed = Duration.ofMillis(rate > 0 ? Math.round(count / rate * 1000) : 0);
        return new LoadResult(name, "k6 summary " + file.getFileName(), count, failures, elapsed,
                millis(duration, "med"), millis(duration, "p(95)"), millis(duration, "p(99)"), millis(duration, "max"),
                rate, 0, Map.of());
    }

    private static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException unreadable) {
            throw new LoadException("cannot read the k6 summary [" + file + "]: " + unreadable.getMessage()
                    + "; write it with k6 run --summary-export=" + file.getFileName() + " script.js", unreadable);
        }
    }

    private static JsonNode values(JsonNode metrics, String metric, Path file) {
        JsonNode node = metrics.path(metric);
        if (node.isMissingNode()) {
            throw new LoadException("the k6 summary [" + file + "] has no metric [" + metric + "] under \"metrics\"; "
                    + "is it a --summary-export file of a script that sends HTTP requests?");
        }
        return node.has("values") ? node.path("values") : node;
    }

    private static Optional<Duration> millis(JsonNode trend, String stat) {
        JsonNode value = trend.path(stat);
        return value.isNumber() ? Optional.of(Duration.ofNanos(Math.round(value.asDouble() * 1e6))) : Optional.empty();
    }
}
