package org.runbookunit.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Restore an archive into a scratch database and compare its row counts and schema with what the source held. */
final class BackupVerifier {

    private BackupVerifier() {
    }

    static BackupVerification verify(Database restored, PostgresTools tools, ServerVersion server, Path archive,
            BackupManifest expected, String comparedWith, Duration toolTimeout) {
        return verify(restored, tools, server, archive, expected, comparedWith, toolTimeout, List.of());
    }

    /** Restore with extra pg_restore options (e.g. {@code --clean} into a live database) and compare. */
    static BackupVerification verify(Database restored, PostgresTools tools, ServerVersion server, Path archive,
            BackupManifest expected, String comparedWith, Duration toolTimeout, List<String> restoreOptions) {
        if (!Files.isRegularFile(archive)) {
            throw new DatabaseExpectationError("backup [" + archive.toAbsolutePath() + "] does not exist");
        }
        long start = System.nanoTime();
        try (restored) {
            PostgresTarget target = PostgresTarget.of(restored.settings(), restored.options().connectTimeout());
            List<String> arguments = new ArrayList<>(restoreOptions);
            arguments.addAll(List.of("--no-owner", "--no-privileges", "--exit-on-error", "--no-password",
                    "--dbname=" + target.database()));
            ToolRun run = ToolRun.run(tools.process("pg_restore", server, target, arguments), archive, null, toolTimeout);
            if (!run.succeeded()) {
                throw new DatabaseExpectationError("backup [" + archive.toAbsolutePath() + "] does not restore: pg_restore "
                        + "exited " + run.exitCode() + ": " + run.stderr());
            }
            Map<String, Long> counts = restored.rowCounts();
            List<String> differences = new ArrayList<>(restored.schema().differencesFrom(expected.schema()));
            expected.rowCounts().forEach((table, rows) -> {
                Long actual = counts.get(table);
                if (actual != null && !actual.equals(rows)) {
                    differences.add("table [" + table + "] has " + actual + " rows restored but " + rows + " in the source");
                }
            });
            return new BackupVerification(archive, comparedWith, counts, differences,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
