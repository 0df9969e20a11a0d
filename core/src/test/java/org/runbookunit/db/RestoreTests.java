package org.runbookunit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.secrets.Secrets;

/**
 * Rollback restores (seeds 002 and 004: "restore database backup"): a pg_dump archive back into the live PostgreSQL
 * database after a bad migration, and a SQLite file from its backup; both refused in read-only environments.
 */
class RestoreTests {

    private final PgFixture fixture = new PgFixture();

    @Test
    void aBadMigrationIsUndoneByRestoringThePreCutoverBackupIntoTheLiveDatabase() {
        String name = fixture.airDemand();
        try (Postgres postgres = fixture.postgres(name)) {
            Backup backup = postgres.backup(fixture.workDir.resolve("backups/pre-cutover.dump"));
            fixture.server.execute(name, "DELETE FROM role_briefings", "DELETE FROM roles WHERE id > 700",
                    "ALTER TABLE roles ADD COLUMN broken text", "CREATE INDEX idx_roles_broken ON roles (broken)");

            BackupVerification restored = postgres.restore(backup);

            assertThat(restored.differences()).isEmpty();
            assertThat(restored.restoredRowCounts()).isEqualTo(backup.manifest().rowCounts())
                    .containsEntry("public.roles", 747L);
        }
        try (Database db = fixture.database(name)) {
            assertThat(db.count("roles")).isEqualTo(747);
            assertThat(db.schema().tables().get("public.roles").columns()).doesNotContainKey("broken");
        }
        assertThat(fixture.evidenceDir().toFile().list()).anyMatch(file -> file.endsWith("postgres-restore.json"));
    }

    @Test
    void aTableCreatedAfterTheBackupIsNamedAsARestoreDifference() {
        String name = fixture.airDemand();
        try (Postgres postgres = fixture.postgres(name)) {
            Backup backup = postgres.backup(fixture.workDir.resolve("backups/pre-migration.dump"));
            fixture.server.execute(name, "CREATE TABLE scrape_runs (id int)");

            assertThatThrownBy(() -> postgres.restore(backup.file())).isInstanceOf(DatabaseExpectationError.class)
                    .hasMessageContaining("database [" + name + "] restored from [")
                    .hasMessageContaining("differs in 1 way(s) from the manifest pre-migration.dump.manifest.json")
                    .hasMessageContaining("table [public.scrape_runs] is unexpected");
        }
        try (Database db = fixture.database(name)) {
            assertThat(db.count("roles")).isEqualTo(747);
        }
    }

    @Test
    void aReadOnlyEnvironmentRefusesARestoreAndLeavesTheDatabaseAlone() {
        String name = fixture.airDemand();
        Backup backup;
        try (Postgres postgres = fixture.postgres(name)) {
            backup = postgres.backup(fixture.workDir.resolve("backups/prod.dump"));
        }
        fixture.server.execute(name, "DELETE FROM role_briefings");
        Postgres readOnly = new Postgres(fixture.server.superuser(name), DatabaseOptions.defaults("production")
                .withReadOnly(true), new LocalPostgresTools(Optional.empty(), LocalPostgresTools.DEBIAN_ROOT),
                Duration.ofMinutes(2), fixture.evidence, Secrets.none());

        assertThatThrownBy(() -> readOnly.restore(backup)).isInstanceOf(DatabaseException.class)
                .hasMessage("Postgres.restore(…) replaces the contents of database [" + name + "], and environment "
                        + "[production] is read-only; mark the rollback step @Destructive and run with "
                        + "runbook.allow-destructive=true");
        readOnly.close();
        try (Database db = fixture.database(name)) {
            assertThat(db.count("role_briefings")).isZero();
        }
    }

    @Test
    void aSqliteDatabaseIsRestoredFromItsBackupFileAndRefusedWhenReadOnly() throws IOException {
        Path dir = Files.createDirectories(fixture.workDir.resolve("sqlite"));
        Path live = dir.resolve("jobsearchai.db");
        Path backup = dir.resolve("backups/jobsearchai_backup_20251219_100400.db");
        Files.createDirectories(backup.getParent());
        try (Database db = sqlite(live, false)) {
            db.execute("CREATE TABLE jobs (id INTEGER PRIMARY KEY, title TEXT NOT NULL)");
            db.execute("CREATE INDEX idx_jobs_title ON jobs (title)");
            db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                    + "INSERT INTO jobs (title) SELECT 'Job ' || i FROM n");
            db.execute("VACUUM INTO '" + backup + "'");
            db.execute("DELETE FROM jobs WHERE id > 100");
            db.execute("DROP INDEX idx_jobs_title");
        }

        try (Database readOnly = sqlite(live, true)) {
            assertThatThrownBy(() -> readOnly.restoreFrom(backup)).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("and environment [production] is read-only; mark the rollback step @Destructive");
        }
        try (Database db = sqlite(live, false)) {
            BackupVerification restored = db.restoreFrom(backup);
            assertThat(restored.differences()).isEmpty();
            assertThat(restored.restoredRowCounts()).containsEntry("jobs", 300L);
            assertThat(db.expectIndexes("idx_%")).containsExactly("idx_jobs_title");
        }
        try (Database postgres = fixture.database(fixture.airDemand())) {
            assertThatThrownBy(() -> postgres.restoreFrom(backup)).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("is PostgreSQL; for PostgreSQL use Postgres.restore(backup)");
        }
    }

    private Database sqlite(Path file, boolean readOnly) {
        return new Database(new DatabaseSettings("jdbc:sqlite:" + file, null, null),
                DatabaseOptions.defaults("production").withReadOnly(readOnly), fixture.evidence, Secrets.none());
    }
}
