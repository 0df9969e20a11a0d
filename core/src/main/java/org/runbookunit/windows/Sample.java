package org.runbookunit.windows;

import java.time.Duration;

/**
 * Record one check of a window.
 *
 * @param offset when the check started, from the start of the window
 * @param passed whether it passed
 * @param latency how long the check took
 * @param message why it failed, empty when it passed
 */
public record Sample(Duration offset, boolean passed, Duration latency, String message) {
}
