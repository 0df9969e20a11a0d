package org.runbookunit.examples.airdemand;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Tell the scheduler's time: the wall clock, or in a rehearsal a clock that starts at a chosen instant and runs
 * {@code speed} times faster ({@code AIRDEMAND_CLOCK_START}, {@code AIRDEMAND_CLOCK_SPEED}), so a day of 05:00/17:00
 * scrapes and a 06:00 digest passes in seconds, like {@code windows-scale} shortens a runbook's windows.
 *
 * @param start the scheduler time at {@code realStart}
 * @param realStart the wall-clock instant the clock started
 * @param speed how many scheduler seconds pass per real second, at least 1
 */
record JobClock(Instant start, Instant realStart, double speed) {

    JobClock {
        if (!(speed >= 1) || speed > 100_000) {
            throw new IllegalArgumentException("AIRDEMAND_CLOCK_SPEED must be between 1 and 100000 but was [" + speed + "]");
        }
    }

    /** Read the clock from the environment: the wall clock unless a start or a speed is set. */
    static JobClock fromEnvironment(Map<String, String> env) {
        Instant now = Instant.now();
        String start = env.getOrDefault("AIRDEMAND_CLOCK_START", "");
        String speed = env.getOrDefault("AIRDEMAND_CLOCK_SPEED", "1");
        try {
            return new JobClock(start.isBlank() ? now : Instant.parse(start), now, Double.parseDouble(speed));
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException("AIRDEMAND_CLOCK_START must be an ISO instant such as 2026-12-01T04:59:00Z "
                    + "and AIRDEMAND_CLOCK_SPEED a number, but were [" + start + "] and [" + speed + "]", unreadable);
        }
    }

    /** Return the scheduler's time now. */
    Instant now() {
        Duration real = Duration.between(realStart, Instant.now());
        return start.plusNanos((long) (real.toNanos() * speed));
    }
}
