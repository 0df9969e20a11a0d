package org.runbookunit.load;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.config.Durations;
import org.runbookunit.evidence.Evidence;

/** Save a probe's result and per-second timeline as JSON (drawn in report.html) and CSV evidence. */
final class LoadTimeline {

    private LoadTimeline() {
    }

    /** Describe how a probe ran: target without user-info, model, durations as written and scaled, bounds. */
    static Map<String, Object> describe(Plan plan, Settings settings, double scale) {
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("target", plan.uri().toString());
        probe.put("model", plan.open() ? "open (constant arrival rate)" : "closed (virtual users)");
        probe.put(plan.open() ? "maxVirtualUsers" : "virtualUsers", plan.virtualUsers());
        if (plan.open()) {
            probe.put("arrivalRatePerSecond", plan.ratePerSecond());
        }
        probe.put("duration", Durations.format(settings.duration()));
        probe.put("rampUp", Durations.format(settings.rampUp()));
        probe.put("scale", scale);
        probe.put("scaledMs", plan.rampUp().plus(plan.duration()).toMillis());
        probe.put("maxTimeMs", plan.maxTime().toMillis());
        probe.put("maxRequests", plan.maxRequests());
        probe.put("requestTimeoutMs", plan.requestTimeout().toMillis());
        probe.put("headers", List.copyOf(plan.headers().keySet()));
        return probe;
    }

    /** Save the JSON and CSV files and return the JSON file's path. */
    static String save(Evidence evidence, LoadResult result, Thresholds thresholds, Map<String, Object> probe,
            List<Map<String, Object>> seconds) {
        String name = "load " + result.name();
        String path = evidence.json(name, document(result, thresholds, probe, seconds), name + ": " + result.summary())
                .path();
        evidence.save(name, "csv", csv(seconds).getBytes(StandardCharsets.UTF_8), name + " (CSV)");
        return path;
    }

    static Map<String, Object> document(LoadResult result, Thresholds thresholds, Map<String, Object> probe,
            List<Map<String, Object>> seconds) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", result.name());
        document.put("source", result.source());
        document.putAll(probe);
        document.put("thresholds", thresholds.toString());
        document.put("broken", thresholds.broken(result));
        document.put("summary", result.summary());
        document.put("requests", result.requests());
        document.put("failed", result.failed());
        document.put("errorRate", result.errorRate());
        document.put("throughputPerSecond", result.throughput());
        document.put("elapsedMs", result.elapsed().toMillis());
        document.put("p50Ms", millis(result.p50()));
        document.put("p95Ms", millis(result.p95()));
        document.put("p99Ms", millis(result.p99()));
        document.put("maxMs", millis(result.max()));
        document.put("notSent", result.notSent());
        document.put("statuses", result.statuses());
        document.put("seconds", seconds);
        return document;
    }

    private static Double millis(Optional<java.time.Duration> value) {
        return value.map(duration -> duration.toNanos() / 1e6).orElse(null);
    }

    private static String csv(List<Map<String, Object>> seconds) {
        StringBuilder csv = new StringBuilder("second,requests,failed,p50_ms,p95_ms,max_ms\n");
        for (Map<String, Object> row : seconds) {
            csv.append(row.get("second")).append(',').append(row.get("requests")).append(',').append(row.get("failed"))
                    .append(',').append(row.get("p50Ms")).append(',').append(row.get("p95Ms")).append(',')
                    .append(row.get("maxMs")).append('\n');
        }
        return csv.toString();
    }
}
