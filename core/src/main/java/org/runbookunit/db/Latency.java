package org.runbookunit.db;

import java.time.Duration;

/**
 * Hold the latency percentiles of a query run many times, for steps like "query response time < 100 ms (P95)".
 *
 * <pre>{@code
 * Latency latency = db.queryLatency("SELECT * FROM jobs WHERE company = 'Acme'", 200);
 * assertThat(latency.p95()).isLessThan(Duration.ofMillis(100));
 * }</pre>
 *
 * @param sql the query
 * @param runs how many timed runs the percentiles come from
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param max the slowest run
 */
public record Latency(String sql, int runs, Duration p50, Duration p95, Duration p99, Duration max) {

    @Override
    public String toString() {
        return "p50 " + millis(p50) + ", p95 " + millis(p95) + ", p99 " + millis(p99) + ", max " + millis(max) + " over "
                + runs + " runs";
    }

    private static String millis(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", duration.toNanos() / 1_000_000.0);
    }
}
