package org.runbookunit.windows;

import java.time.Duration;

/** Shrink durations by an environment's {@code windows-scale}, never below one millisecond. */
final class Scale {

    private Scale() {
    }

    static Duration apply(Duration duration, double scale) {
        return Duration.ofNanos(Math.max(1_000_000L, Math.round(duration.toNanos() * scale)));
    }
}
