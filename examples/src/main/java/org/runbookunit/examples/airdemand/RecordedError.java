package org.runbookunit.examples.airdemand;

import java.time.Instant;

/**
 * Hold one error as {@code /monitoring/errors} reports it.
 *
 * @param timestamp when the error was recorded
 * @param message what went wrong
 */
record RecordedError(Instant timestamp, String message) {
}
