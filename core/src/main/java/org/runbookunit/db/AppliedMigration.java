package org.runbookunit.db;

import java.time.Duration;

/**
 * Hold one migration file that was applied and committed.
 *
 * @param file the file name, e.g. {@code 006_composite_indexes.sql}
 * @param statements how many statements it held
 * @param duration how long it took, commit included
 */
public record AppliedMigration(String file, int statements, Duration duration) {
}
