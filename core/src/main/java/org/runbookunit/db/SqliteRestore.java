package org.runbookunit.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.runbookunit.config.DatabaseSettings;

/**
 * Restore a SQLite database from a backup file with SQLite's online backup API (sqlite-jdbc's {@code restore from}),
 * then compare row counts and schema with the backup file.
 */
final class SqliteRestore {

    private SqliteRestore() {
    }

    static BackupVerification restore(Session session, Database backup, Path file) {
        if (session.dialect() != Dialect.SQLITE) {
            throw new DatabaseException("Database.restoreFrom(file) restores a SQLite database from a backup file, but ["
                    + session.target() + "] is " + session.dialect().label() + "; for PostgreSQL use Postgres.restore(backup)");
        }
        if (session.options().readOnly()) {
            throw new DatabaseException("Database.restoreFrom(" + file + ") replaces [" + session.target() + "], and "
                    + "environment [" + session.options().environment() + "] is read-only; mark the rollback step "
                    + "@Destructive and run with runbook.allow-destructive=true");
        }
        if (!Files.isRegularFile(file)) {
            throw new DatabaseExpectationError("SQLite backup [" + file.toAbsolutePath() + "] does not exist");
        }
        long start = System.nanoTime();
        try (Statement statement = session.connection().createStatement()) {
            statement.executeUpdate("restore from '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException failure) {
            throw new DatabaseExpectationError("SQLite backup [" + file.toAbsolutePath() + "] does not restore into ["
                    + session.target() + "]: " + failure.getMessage());
        }
        Catalog restored = new Catalog(session);
        Map<String, Long> counts = restored.rowCounts();
        List<String> differences;
        try (backup) {
            Catalog expected = new Catalog(backupSession(backup));
            differences = new ArrayList<>(restored.schema().differencesFrom(expected.schema()));
            expected.rowCounts().forEach((table, rows) -> {
                Long actual = counts.get(table);
                if (actual != null && !actual.equals(rows)) {
                    differences.add("table [" + table + "] has " + actual + " rows restored but " + rows + " in the backup");
                }
            });
        }
        return new BackupVerification(file, "the backup file", counts, differences,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Open the backup file read-only, so comparing can never change it. */
    static DatabaseSettings backupSettings(Path file) {
        return new DatabaseSettings("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    private static Session backupSession(Database backup) {
        return backup.session();
    }
}
