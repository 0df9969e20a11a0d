package org.runbookunit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.NotApplicableException;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.secrets.Secrets;

/** Seed 002: the same facade over SQLite through xerial's driver. */
class SqliteDatabaseTests {

    private final Path dir = Path.of("target", "sqlite-tests", UUID.randomUUID().toString()).toAbsolutePath();
    private final Evidence evidence = new Evidence(dir.resolve("report"), "1");
    private int databases;

    @Test
    void countsTablesIndexesViewsAndLatencyWorkOnSqlite() throws IOException {
        try (Database db = writable(jobsDatabase())) {
            assertThat(db.count("jobs")).isEqualTo(500);
            assertThat(db.expectTables("jobs", "companies")).containsExactly("companies", "jobs", "schema_version");
            assertThat(db.expectIndexes("idx_%")).containsExactly("idx_jobs_company");
            assertThat(db.expectViews("v_%")).containsExactly("v_open_jobs");
            assertThat(db.schemaVersion().value()).isEqualTo("3");
            assertThat(db.queryLatency("SELECT * FROM jobs WHERE company_id = 7", 30).p95()).isPositive();
        }
    }

    @Test
    void aBackupCopyHasTheSourcesSizeSchemaAndCounts() throws IOException {
        Path source = jobsDatabase();
        Path backup = dir.resolve("backups/jobs_backup.db");
        try (Database db = writable(source)) {
            Files.createDirectories(backup.getParent());
            db.execute("VACUUM INTO '" + backup + "'");
        }

        try (Database original = writable(source); Database copy = readOnly(backup)) {
            assertThat(Files.size(backup)).isCloseTo(Files.size(source), withinPercentage(20));
            assertThat(copy.schema().differencesFrom(original.schema())).isEmpty();
            assertThat(copy.rowCounts()).isEqualTo(original.rowCounts()).containsEntry("jobs", 500L);
        }
    }

    @Test
    void schemaDifferencesAreListed() throws IOException {
        Path source = jobsDatabase();
        Path changed = jobsDatabase();
        try (Database db = writable(changed)) {
            db.execute("ALTER TABLE jobs ADD COLUMN salary INTEGER");
            db.execute("DROP INDEX idx_jobs_company");
            db.execute("DROP VIEW v_open_jobs");
        }

        try (Database original = readOnly(source); Database other = readOnly(changed)) {
            assertThat(other.schema().differencesFrom(original.schema())).containsExactly(
                    "column [jobs.salary] is unexpected", "index [idx_jobs_company] on [jobs] is missing",
                    "view [v_open_jobs] is missing");
        }
    }

    @Test
    void aReadOnlySqliteConnectionRefusesAWrite() throws IOException {
        try (Database db = readOnly(jobsDatabase())) {
            assertThatThrownBy(() -> db.execute("DELETE FROM jobs")).isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("write refused: environment [production] is read-only");
            assertThat(db.count("jobs")).isEqualTo(500);
        }
    }

    @Test
    void postgresStatisticsAreNotApplicableToSqlite() throws IOException {
        try (Database db = readOnly(jobsDatabase())) {
            assertThatThrownBy(() -> db.slowQueries(Duration.ofMillis(100))).isInstanceOf(NotApplicableException.class)
                    .hasMessage("slowQueries(threshold) reads PostgreSQL's pg_stat_statements, but [jdbc:sqlite:"
                            + dir.resolve("jobs-1.db") + "] is SQLite");
            assertThatThrownBy(db::activeConnections).isInstanceOf(NotApplicableException.class);
        }
    }

    private Path jobsDatabase() throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("jobs-" + (++databases) + ".db");
        try (Database db = writable(file)) {
            db.execute("CREATE TABLE companies (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            db.execute("CREATE TABLE jobs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, company_id INTEGER, open INTEGER)");
            db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY)");
            db.execute("INSERT INTO schema_version VALUES (1), (2), (3)");
            db.execute("CREATE INDEX idx_jobs_company ON jobs (company_id)");
            db.execute("CREATE VIEW v_open_jobs AS SELECT * FROM jobs WHERE open = 1");
            db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                    + "INSERT INTO jobs (title, company_id, open) SELECT 'Job ' || i, i % 20, i % 2 FROM n");
        }
        return file;
    }

    private Database writable(Path file) {
        return new Database(new DatabaseSettings("jdbc:sqlite:" + file, null, null), DatabaseOptions.defaults("local"),
                evidence, Secrets.none());
    }

    private Database readOnly(Path file) {
        return new Database(new DatabaseSettings("jdbc:sqlite:" + file, null, null),
                DatabaseOptions.defaults("production").withReadOnly(true), evidence, Secrets.none());
    }
}
