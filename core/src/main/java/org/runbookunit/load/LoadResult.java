package org.runbookunit.load;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hold what a load probe measured (or what a k6 summary reports).
 *
 * @param name the probe's name
 * @param source {@code "runner"} for a probe sent by {@link Load}, {@code "k6 summary <file>"} for a judged k6 run
 * @param requests requests that completed or failed
 * @param failed requests with no response, a timeout, or a status outside 200–399 (k6's {@code http_req_failed})
 * @param elapsed how long the probe ran
 * @param p50 the median request duration, empty when nothing completed
 * @param p95 the 95th percentile, empty when nothing completed
 * @param p99 the 99th percentile, empty when nothing completed (or the k6 summary lacks it)
 * @param max the longest request, empty when nothing completed
 * @param throughput requests per second over the probe
 * @param notSent requests the bounds stopped before they were sent (open model behind schedule at the deadline)
 * @param statuses how many responses had each status; {@code "error <Exception>"} counts requests without a response
 */
public record LoadResult(String name, String source, long requests, long failed, Duration elapsed, Optional<Duration> p50,
        Optional<Duration> p95, Optional<Duration> p99, Optional<Duration> max, double throughput, long notSent,
        Map<String, Long> statuses) {

    /** Copy the status counts so the record stays immutable. */
    public LoadResult {
        statuses = Map.copyOf(statuses);
    }

    /** Return failed ÷ requests, 0 when no request was made. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) failed / requests;
    }

    /** Return {@code "1200 requests in 10.0 s (120.0/s), 0.00 % failed, p95 12.3 ms, p99 20.1 ms"}. */
    public String summary() {
        return String.format(Locale.ROOT, "%d requests in %.1f s (%.1f/s), %s failed, p95 %s, p99 %s", requests,
                elapsed.toMillis() / 1000.0, throughput, Thresholds.percent(errorRate()), shown(p95), shown(p99))
                + (notSent > 0 ? ", " + notSent + " not sent within the bounds" : "");
    }

    private static String shown(Optional<Duration> value) {
        return value.map(Thresholds::millis).orElse("n/a");
    }
}
