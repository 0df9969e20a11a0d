package org.runbookunit.load;

import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/** Count one thread's requests: a precise histogram of the whole probe and a coarse one per second. */
final class Shard {

    static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final int STATUSES = 600;

    final Histogram total = new Histogram(HIGHEST_MICROS, 3);
    final IntCountsHistogram[] perSecond;
    final long[] requestsPerSecond;
    final long[] failedPerSecond;
    final long[] statuses = new long[STATUSES];
    final Map<String, Long> errors = new HashMap<>();
    long failed;

    Shard(int seconds) {
        perSecond = new IntCountsHistogram[seconds];
        requestsPerSecond = new long[seconds];
        failedPerSecond = new long[seconds];
    }

    /** Count a response with a status, or a request that got none ({@code status < 0}, {@code error} says why). */
    synchronized void record(int second, long micros, int status, String error) {
        int slot = Math.min(second, perSecond.length - 1);
        long value = Math.max(1, Math.min(micros, HIGHEST_MICROS));
        total.recordValue(value);
        if (perSecond[slot] == null) {
            perSecond[slot] = new IntCountsHistogram(HIGHEST_MICROS, 2);
        }
        perSecond[slot].recordValue(value);
        requestsPerSecond[slot]++;
        boolean ok = status >= 200 && status < 400;
        if (!ok) {
            failed++;
            failedPerSecond[slot]++;
        }
        if (status >= 0 && status < STATUSES) {
            statuses[status]++;
        } else {
            errors.merge("error " + error, 1L, Long::sum);
        }
    }
}
