package org.runbookunit.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Read the database backups kept on the local machine ({@code ~/air-demand-backups} in seed 001). */
final class LocalBackups {

    private LocalBackups() {
    }

    /** Return the newest {@code production_backup_*.sql.gz} in {@code folder}, failing when there is none. */
    static Path newest(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new AssertionError("no backup folder " + folder.toAbsolutePath() + " on this machine");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("production_backup_.*\\.sql\\.gz"))
                    .max(Comparator.comparing(file -> file.getFileName().toString()))
                    .orElseThrow(() -> new AssertionError("no production_backup_*.sql.gz in " + folder.toAbsolutePath()));
        }
    }

    /** Count the rows of the {@code roles} table's COPY block in a gzipped pg_dump, reading it to the end. */
    static long roleRows(Path dump) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(dump)),
                StandardCharsets.UTF_8))) {
            long rows = 0;
            boolean inRoles = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("COPY public.roles ")) {
                    inRoles = true;
                } else if (inRoles && line.equals("\\.")) {
                    inRoles = false;
                } else if (inRoles) {
                    rows++;
                }
            }
            return rows;
        }
    }
}
