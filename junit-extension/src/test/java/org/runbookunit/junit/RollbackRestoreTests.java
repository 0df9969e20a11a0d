package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.db.Database;
import org.runbookunit.db.Postgres;
import org.runbookunit.testing.PostgresServer;

/**
 * A production cutover whose migration breaks the roles table, rolled back by restoring the pre-cutover backup into
 * the real PostgreSQL database; the restore obeys {@code read-only} like every write ({@code step.mayWrite()}).
 */
class RollbackRestoreTests {

    private final PostgresServer server = PostgresServer.shared();
    private final String name = server.createDatabase("rollback");

    RollbackRestoreTests() {
        server.execute(name, "CREATE TABLE roles (id serial PRIMARY KEY, title text NOT NULL)",
                "INSERT INTO roles (title) SELECT 'Role ' || i FROM generate_series(1, 747) i");
    }

    private RunbookKit production() {
        return RunbookKit.create().withConfig("environments:\n  production:\n    read-only: true\n    database:\n"
                + "      url: \"" + server.url(name) + "\"\n      user: postgres\n      password: \""
                + PostgresServer.SUPERUSER_PASSWORD + "\"\n    properties:\n      backup-dir: \""
                + Path.of("target", "rollback-backups", java.util.UUID.randomUUID().toString()).toAbsolutePath() + "\"\n")
                .parameter("runbook.env", "production").parameter("runbook.allow-destructive", "true");
    }

    @Test
    void aBrokenMigrationIsRolledBackByRestoringTheBackupAndTheRollbackIsVerified() {
        RunbookKit kit = production();

        kit.run(RestoringFixture.class);

        JsonNode report = kit.reportJson("pg-rollback");
        assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "FAILED", "PASSED", "PASSED");
        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(report.path("rollback").path("summary").asText()).isEqualTo("Rollback verified");
        assertThat(report.get("steps").get(2).get("evidence").toString()).contains("postgres-restore");
    }

    @Test
    void aRestoreInAStepNotMarkedDestructiveIsRefusedInProductionAndTheRollbackFails() {
        RunbookKit kit = production();

        kit.run(ForgotDestructiveRestoreFixture.class);

        JsonNode report = kit.reportJson("pg-rollback-forgot");
        assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "FAILED", "FAILED", "BLOCKED");
        assertThat(report.path("rollback").path("summary").asText()).isEqualTo("Rollback FAILED at 99.1");
        assertThat(report.get("steps").get(2).get("message").asText()).startsWith("Postgres.restore(…) replaces the "
                + "contents of database [" + name + "], and environment [production] is read-only");
    }

    @Runbook("pg rollback")
    static class RestoringFixture {
        @Nested
        @Phase(order = 1, value = "Cutover")
        class Cutover {
            @Step(order = 1, value = "Pre-cutover backup taken")
            void backup(Postgres postgres, RunbookEnvironment environment) {
                postgres.backup(Path.of(environment.property("backup-dir"), "pre-cutover.dump"));
            }

            @Step(order = 2, value = "Migration keeps every role")
            @Destructive
            void migrate(Database db) {
                db.execute("DELETE FROM roles WHERE id > 700");
                assertThat(db.count("roles")).isEqualTo(747);
            }
        }

        @Nested
        @Phase(order = 99, value = "Rollback", onFailureOnly = true)
        class Rollback {
            @Step(order = 1, value = "Database restored from the pre-cutover backup")
            @Destructive
            void restore(Postgres postgres, RunbookEnvironment environment) {
                postgres.restore(Path.of(environment.property("backup-dir"), "pre-cutover.dump"));
            }

            @Step(order = 2, value = "Roles back to 747")
            void roles(Database db) {
                assertThat(db.count("roles")).isEqualTo(747);
            }
        }
    }

    @Runbook(value = "pg rollback", id = "pg-rollback-forgot")
    static class ForgotDestructiveRestoreFixture {
        @Nested
        @Phase(order = 1, value = "Cutover")
        class Cutover {
            @Step(order = 1, value = "Pre-cutover backup taken")
            void backup(Postgres postgres, RunbookEnvironment environment) {
                postgres.backup(Path.of(environment.property("backup-dir"), "pre-cutover.dump"));
            }

            @Step(order = 2, value = "Migration keeps every role")
            @Destructive
            void migrate(Database db) {
                db.execute("DELETE FROM roles WHERE id > 700");
                assertThat(db.count("roles")).isEqualTo(747);
            }
        }

        @Nested
        @Phase(order = 99, value = "Rollback", onFailureOnly = true)
        class Rollback {
            @Step(order = 1, value = "Database restored from the pre-cutover backup")
            void restore(Postgres postgres, RunbookEnvironment environment) {
                postgres.restore(Path.of(environment.property("backup-dir"), "pre-cutover.dump"));
            }

            @Step(order = 2, value = "Roles back to 747")
            void roles(Database db) {
                assertThat(db.count("roles")).isEqualTo(747);
            }
        }
    }
}
