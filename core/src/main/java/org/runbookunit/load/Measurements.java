package org.runbookunit.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/** Collect request durations from every thread without contention (one shard per thread) and merge them at the end. */
final class Measurements {

    private final long startNanos;
    private final int seconds;
    private final ConcurrentLinkedQueue<Shard> shards = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Shard> local;
    private volatile boolean closed;

    Measurements(long startNanos, Duration maxTime) {
        this.startNanos = startNanos;
        this.seconds = (int) Math.min(86_400, maxTime.toSeconds() + 2);
        this.local = ThreadLocal.withInitial(this::newShard);
    }

    private Shard newShard() {
        Shard shard = new Shard(seconds);
        shards.add(shard);
        return shard;
    }

    /** Count a request from its intended start to now; ignored once the probe is over. */
    void record(long intendedStartNanos, long endNanos, int status, Throwable error) {
        if (closed) {
            return;
        }
        int second = (int) ((endNanos - startNanos) / 1_000_000_000L);
        String cause = error == null ? "" : rootCause(error).getClass().getSimpleName();
        local.get().record(second, (endNanos - intendedStartNanos) / 1000, status, cause);
    }

    /** Stop counting: requests still in flight after the deadline are not measured. */
    void close() {
        closed = true;
    }

    /** Merge every shard into the probe's result. */
    LoadResult result(String name, Duration elapsed, long notSent) {
        Histogram total = new Histogram(Shard.HIGHEST_MICROS, 3);
        long failed = 0;
        long[] statuses = new long[600];
        Map<String, Long> counts = new TreeMap<>();
        for (Shard shard : shards) {
            synchronized (shard) {
                total.add(shard.total);
                failed += shard.failed;
                for (int status = 0; status < statuses.length; status++) {
                    statuses[status] += shard.statuses[status];
                }
                shard.errors.forEach((error, count) -> counts.merge(error, count, Long::sum));
            }
        }
        for (int status = 0; status < statuses.length; status++) {
            if (statuses[status] > 0) {
                counts.put(String.valueOf(status), statuses[status]);
            }
        }
        long requests = total.getTotalCount();
        double throughput = requests / Math.max(0.001, elapsed.toNanos() / 1e9);
        return new LoadResult(name, "runner", requests, failed, elapsed, percentile(total, 50), percentile(total, 95),
                percentile(total, 99), requests == 0 ? Optional.empty() : Optional.of(micros(total.getMaxValue())),
                throughput, notSent, counts);
    }

    /** Return one row per second that saw a request: second, requests, failed, p50, p95 and max in milliseconds. */
    List<Map<String, Object>> timeline() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int second = 0; second < seconds; second++) {
            IntCountsHistogram merged = new IntCountsHistogram(Shard.HIGHEST_MICROS, 2);
            long requests = 0;
            long failed = 0;
            for (Shard shard : shards) {
                synchronized (shard) {
                    if (shard.perSecond[second] != null) {
                        merged.add(shard.perSecond[second]);
                    }
                    requests += shard.requestsPerSecond[second];
                    failed += shard.failedPerSecond[second];
                }
            }
            if (requests > 0) {
                rows.add(row(second, requests, failed, merged));
            }
        }
        return rows;
    }

    private static Map<String, Object> row(int second, long requests, long failed, IntCountsHistogram histogram) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("second", second);
        row.put("requests", requests);
        row.put("failed", failed);
        row.put("p50Ms", histogram.getValueAtPercentile(50) / 1000.0);
        row.put("p95Ms", histogram.getValueAtPercentile(95) / 1000.0);
        row.put("maxMs", histogram.getMaxValue() / 1000.0);
        return row;
    }

    private static Optional<Duration> percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Optional.empty()
                : Optional.of(micros(histogram.getValueAtPercentile(percentile)));
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(micros * 1000);
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
