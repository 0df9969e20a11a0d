package org.runbookunit.db;

import java.util.Map;
import java.util.TreeMap;

/**
 * Record what a backup should contain, read in the very snapshot pg_dump dumped: every table's row count and the
 * schema. It is saved beside the archive as {@code <archive>.manifest.json}.
 *
 * @param database the source database's name
 * @param serverVersion the source server's version
 * @param takenAt when the snapshot was taken, ISO-8601
 * @param rowCounts every table's row count
 * @param schema the tables, columns, indexes and views
 */
public record BackupManifest(String database, String serverVersion, String takenAt, Map<String, Long> rowCounts,
        Schema schema) {

    /** Sort and freeze the counts. */
    public BackupManifest {
        rowCounts = java.util.Collections.unmodifiableMap(new TreeMap<>(rowCounts));
    }
}
