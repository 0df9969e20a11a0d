package org.runbookunit.db;

import java.time.Duration;

/**
 * Hold one statement pg_stat_statements reports as slow.
 *
 * @param query the normalised statement text
 * @param calls how often it ran
 * @param mean its mean execution time
 * @param max its slowest execution
 */
public record SlowQuery(String query, long calls, Duration mean, Duration max) {
}
