package org.runbookunit.examples.airdemand;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/** Track whether a simulated restart is still under way, on a monotonic nanosecond clock. */
final class RestartWindow {

    static final Duration DEFAULT_DURATION = Duration.ofMillis(300);
    static final Duration MAX_DURATION = Duration.ofDays(1);

    private final LongSupplier nanoTime;
    private volatile Duration duration = DEFAULT_DURATION;
    private volatile long endsAtNanos;

    RestartWindow(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.endsAtNanos = nanoTime.getAsLong();
    }

    /** Make every later restart last {@code duration}. */
    void setDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(
                    "restartDuration must be between PT0S and " + MAX_DURATION + " but was [" + duration + "]");
        }
        this.duration = duration;
    }

    /** Start a restart now, ending one duration from now. */
    void begin() {
        endsAtNanos = nanoTime.getAsLong() + duration.toNanos();
    }

    /** Return whether the latest restart has not yet ended. */
    boolean active() {
        return nanoTime.getAsLong() - endsAtNanos < 0;
    }
}
