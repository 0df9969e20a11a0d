package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.lessThan;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Nested;
import org.runbookunit.Severity;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.db.Backup;
import org.runbookunit.db.BackupVerification;
import org.runbookunit.db.Database;
import org.runbookunit.db.Postgres;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

/** Seed 001, Phase 1.3 and Phase 2: the role count, and a backup proven restorable before the cutover. */
// tag::runbook[]
@Runbook("air-demand database checks")
class AirDemandDatabaseRunbook {

    @Nested
    @Phase(order = 1, value = "Verify database connectivity")
    class Connectivity {

        @Step(order = 1, value = "Database reachable, role count ~747")
        void roleCount(Database db) {
            db.expectConnectsWithin(Duration.ofSeconds(5));
            assertThat(db.count("roles")).isBetween(700L, 800L);
        }

        @Step(order = 2, value = "API reports the database latency", severity = Severity.MAJOR)
        void latency(Http http) {
            http.get("api", "/health/db").expectStatus(200).expectJson("database", "connected")
                    .expectJson("latency_ms", lessThan(250));
        }
    }

    @Nested
    @Phase(order = 2, value = "Database backup")
    class DatabaseBackup {

        @Step(order = 1, value = "Full backup taken and proven restorable")
        void backup(Postgres postgres, RunbookEnvironment environment) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS"));
            Backup backup = postgres.backup(Path.of(environment.property("backup-dir"), "production_backup_" + stamp + ".dump"));

            BackupVerification restored = postgres.verifyBackup(backup); // scratch restore, counts and schema compared
            assertThat(restored.restoredRowCounts()).containsKey("public.roles");
        }
    }
}
// end::runbook[]
