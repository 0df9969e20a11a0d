package org.runbookunit.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hold the outcome of restoring a backup into a scratch database and comparing it with its source.
 *
 * @param file the archive
 * @param comparedWith what the restored database was compared with: the backup's manifest or the live source
 * @param restoredRowCounts every restored table's row count
 * @param differences every difference found; empty when the backup restores faithfully
 * @param duration how long the restore and the comparison took
 */
public record BackupVerification(Path file, String comparedWith, Map<String, Long> restoredRowCounts,
        List<String> differences, Duration duration) {

    /** Freeze. */
    public BackupVerification {
        restoredRowCounts = Map.copyOf(restoredRowCounts);
        differences = List.copyOf(differences);
    }

    /** Return how many rows were restored in all. */
    public long restoredRows() {
        return restoredRowCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
