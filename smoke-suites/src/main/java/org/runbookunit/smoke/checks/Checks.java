package org.runbookunit.smoke.checks;

import java.time.Duration;
import org.runbookunit.config.Durations;

/** Validate the values suite files write: durations, names. */
final class Checks {

    private Checks() {
    }

    static String required(String value, String key, String example) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("[" + key + "] is missing; write e.g. " + key + ": " + example);
        }
        return value.trim();
    }

    static Duration duration(String value, String key) {
        Duration duration = Durations.parse(key, value);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(key + " must be longer than 0 but was [" + value + "]; write e.g. 500ms");
        }
        return duration;
    }
}
