package org.runbookunit.db;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Hold a backup {@link Postgres#backup} made: the custom-format archive and the manifest of what it should contain.
 *
 * @param file the archive
 * @param sizeBytes its size
 * @param duration how long pg_dump took
 * @param manifest row counts and schema read in the dumped snapshot
 */
public record Backup(Path file, long sizeBytes, Duration duration, BackupManifest manifest) {

    /** Return where the manifest is saved beside an archive. */
    public static Path manifestFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".manifest.json");
    }
}
