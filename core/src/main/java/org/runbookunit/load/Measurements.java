package org.runbookunit.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Collect request durations from every sending thread into one HdrHistogram {@link Recorder} (wait-free for writers)
 * and, once a second, swap out its interval histogram: added to the probe's total and summarised as one timeline row,
 * so memory stays constant however long the probe runs.
 */
final class Measurements {

    static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final int STATUSES = 600;

    private final long startNanos;
    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_MICROS, 3);
    private final AtomicLong failedThisSecond = new AtomicLong();
    private final LongAdder failed = new LongAdder();
    private final AtomicLongArray statuses = new AtomicLongArray(STATUSES);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> timeline = new ArrayList<>();
    private final Thread ticker;
    private Histogram interval;
    private long ticks;
    private volatile boolean closed;

    Measurements(long startNanos) {
        this.startNanos = startNanos;
        this.ticker = new Thread(this::tickEverySecond, "runbook-load-timeline");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** Count a request from its intended start to now; ignored once the probe is over. */
    void record(long intendedStartNanos, long endNanos, int status, Throwable error) {
        if (closed) {
            return;
        }
        recorder.recordValue(Math.max(1, Math.min((endNanos - intendedStartNanos) / 1000, HIGHEST_MICROS)));
        if (status < 200 || status >= 400) {
            failed.increment();
            failedThisSecond.incrementAndGet();
        }
        if (status >= 0 && status < STATUSES) {
            statuses.incrementAndGet(status);
        } else {
            errors.computeIfAbsent("error " + jdkName(error), key -> new LongAdder()).increment();
        }
    }

    /** Stop counting (requests still in flight are not measured) and take the last, partial second. */
    void close() {
        if (closed && !ticker.isAlive()) {
            return;
        }
        closed = true;
        ticker.interrupt();
        try {
            ticker.join(1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        tick();
    }

    private void tickEverySecond() {
        for (long second = 0; !closed; second++) {
            long due = startNanos + (second + 1) * 1_000_000_000L;
            for (long wait = due - System.nanoTime(); wait > 0 && !closed; wait = due - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            if (!closed) {
                tick();
            }
        }
    }

    /** Take the interval since the last tick as the next second's row (the last one may be partial). */
    private synchronized void tick() {
        interval = recorder.getIntervalHistogram(interval);
        long failures = failedThisSecond.getAndSet(0);
        if (interval.getTotalCount() > 0) {
            total.add(interval);
            timeline.add(row(ticks, interval, failures));
        }
        ticks++;
    }

    /** Return the probe's result; call after {@link #close()}. */
    synchronized LoadResult result(String name, Duration elapsed, long notSent) {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((error, count) -> counts.put(error, count.sum()));
        for (int status = 0; status < STATUSES; status++) {
            if (statuses.get(status) > 0) {
                counts.put(String.valueOf(status), statuses.get(status));
            }
        }
        long requests = total.getTotalCount();
        double throughput = requests / Math.max(0.001, elapsed.toNanos() / 1e9);
        return new LoadResult(name, "runner", requests, failed.sum(), elapsed, percentile(50), percentile(95),
                percentile(99), requests == 0 ? Optional.empty() : Optional.of(micros(total.getMaxValue())), throughput,
                notSent, counts);
    }

    /** Return one row per second that saw a request: second, requests, failed, p50, p95 and max in milliseconds. */
    synchronized List<Map<String, Object>> timeline() {
        return List.copyOf(timeline);
    }

    private static Map<String, Object> row(long second, Histogram histogram, long failures) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("second", second);
        row.put("requests", histogram.getTotalCount());
        row.put("failed", failures);
        row.put("p50Ms", histogram.getValueAtPercentile(50) / 1000.0);
        row.put("p95Ms", histogram.getValueAtPercentile(95) / 1000.0);
        row.put("maxMs", histogram.getMaxValue() / 1000.0);
        return row;
    }

    private Optional<Duration> percentile(double percentile) {
        return total.getTotalCount() == 0 ? Optional.empty() : Optional.of(micros(total.getValueAtPercentile(percentile)));
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(micros * 1000);
    }

    /** Name a failure by its nearest JDK class, e.g. {@code ConnectException} for the HTTP client's own subclass. */
    private static String jdkName(Throwable error) {
        Class<?> type = error == null ? IllegalStateException.class : error.getClass();
        while (!type.getName().startsWith("java.")) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }
}
