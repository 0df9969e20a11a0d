package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.runbookunit.Severity;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.db.Database;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

/** Seed 002: the SQLite pre-deployment backup, the schema and the P95 query time. */
@Runbook("job search sqlite deployment")
class JobSearchSqliteDeployment {

    @Step(order = 1, value = "Backup exists, is current and about the source's size")
    void backupExists(Database db, RunbookEnvironment environment) throws IOException {
        Path backup = latestBackup(environment);
        Path source = Path.of(db.settings().url().substring("jdbc:sqlite:".length()));

        assertThat(Files.size(backup)).isCloseTo(Files.size(source), withinPercentage(25));
        assertThat(Files.getLastModifiedTime(backup).toInstant()).isAfter(Instant.now().minus(Duration.ofHours(1)));
    }

    @Step(order = 2, value = "Backup schema and row counts match the database")
    void backupVerified(Database db, RunbookEnvironment environment) throws IOException {
        try (Database backup = db.connectTo(new DatabaseSettings("jdbc:sqlite:" + latestBackup(environment), null, null))) {
            assertThat(backup.schema().differencesFrom(db.schema())).isEmpty();
            assertThat(backup.rowCounts()).isEqualTo(db.rowCounts());
        }
    }

    @Step(order = 3, value = "Query response time < 100 ms (P95)", severity = Severity.MAJOR)
    void latency(Database db) {
        assertThat(db.queryLatency("SELECT id, title FROM jobs WHERE company = 'Acme Robotics' "
                + "ORDER BY posted_at DESC LIMIT 20", 200).p95()).isLessThan(Duration.ofMillis(100));
    }

    private static Path latestBackup(RunbookEnvironment environment) throws IOException {
        try (Stream<Path> backups = Files.list(Path.of(environment.property("backup-dir")))) {
            return backups.filter(file -> file.getFileName().toString().matches("jobsearchai_backup_\\d{8}_\\d{6}\\.db"))
                    .max(Comparator.comparing(file -> file.getFileName().toString()))
                    .orElseThrow(() -> new AssertionError("no jobsearchai_backup_YYYYMMDD_HHMMSS.db in "
                            + environment.property("backup-dir")));
        }
    }
}
