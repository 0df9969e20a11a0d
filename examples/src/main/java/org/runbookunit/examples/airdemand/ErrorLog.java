package org.runbookunit.examples.airdemand;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/** Record the errors one service instance has seen, keeping the newest few hundred. */
final class ErrorLog {

    static final int RECENT_LIMIT = 10;
    private static final int RETAINED_LIMIT = 500;
    private static final Duration LAST_HOUR = Duration.ofHours(1);

    private final Clock clock;
    private final Deque<RecordedError> newestFirst = new ArrayDeque<>();
    private long total;

    ErrorLog(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Add an error stamped with the current time. */
    synchronized void record(String message) {
        newestFirst.addFirst(new RecordedError(clock.instant(), Objects.requireNonNull(message, "message")));
        total++;
        if (newestFirst.size() > RETAINED_LIMIT) {
            newestFirst.removeLast();
        }
    }

    /** Return the total, the last hour's count and the newest errors, consistently with each other. */
    synchronized Summary summary() {
        Instant hourAgo = clock.instant().minus(LAST_HOUR);
        long lastHour = newestFirst.stream().filter(error -> error.timestamp().isAfter(hourAgo)).count();
        List<RecordedError> recent = newestFirst.stream().limit(RECENT_LIMIT).toList();
        return new Summary(total, lastHour, recent);
    }

    /**
     * Hold a consistent view of the log.
     *
     * @param total every error recorded since start
     * @param lastHour errors recorded in the last hour
     * @param recent the newest errors, newest first
     */
    record Summary(long total, long lastHour, List<RecordedError> recent) {
    }
}
