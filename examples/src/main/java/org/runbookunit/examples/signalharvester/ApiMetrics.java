package org.runbookunit.examples.signalharvester;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Count what the API did and write it in the Prometheus text exposition format for {@code /metrics/prometheus}. */
final class ApiMetrics {

    private final long startedAt = System.currentTimeMillis();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong cacheMisses = new AtomicLong();

    void request(String method, String path, int status) {
        String labels = "method=\"" + method + "\",path=\"" + path + "\",status=\"" + status + "\"";
        requests.computeIfAbsent(labels, key -> new AtomicLong()).incrementAndGet();
    }

    void heartbeat() {
        heartbeats.incrementAndGet();
    }

    void cache(boolean hit) {
        (hit ? cacheHits : cacheMisses).incrementAndGet();
    }

    String exposition() {
        StringBuilder text = new StringBuilder();
        text.append("# HELP http_requests_total HTTP requests served, by method, path and status.\n")
                .append("# TYPE http_requests_total counter\n");
        new TreeMap<>(requests).forEach((labels, count) ->
                text.append("http_requests_total{").append(labels).append("} ").append(count.get()).append('\n'));
        text.append("# HELP harvest_pipeline_heartbeats_total Scheduler pipeline heartbeats.\n")
                .append("# TYPE harvest_pipeline_heartbeats_total counter\n")
                .append("harvest_pipeline_heartbeats_total ").append(heartbeats.get()).append('\n')
                .append("# HELP harvest_cache_requests_total Artifact cache lookups, by result.\n")
                .append("# TYPE harvest_cache_requests_total counter\n")
                .append("harvest_cache_requests_total{result=\"hit\"} ").append(cacheHits.get()).append('\n')
                .append("harvest_cache_requests_total{result=\"miss\"} ").append(cacheMisses.get()).append('\n')
                .append("# HELP process_start_time_seconds Start time of the process since the epoch.\n")
                .append("# TYPE process_start_time_seconds gauge\n")
                .append("process_start_time_seconds ").append(startedAt / 1000.0).append('\n');
        return text.toString();
    }
}
