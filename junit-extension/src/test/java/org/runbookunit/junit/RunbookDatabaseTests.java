package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.db.Backup;
import org.runbookunit.db.Database;
import org.runbookunit.db.Postgres;
import org.runbookunit.testing.PostgresServer;

/** Database and Postgres injected into steps through the real JUnit engine. */
class RunbookDatabaseTests {

    private final PostgresServer server = PostgresServer.shared();
    private final String name = server.createDatabase("runbook");

    RunbookDatabaseTests() {
        server.execute(name, "CREATE TABLE roles (id serial PRIMARY KEY, title text NOT NULL)",
                "INSERT INTO roles (title) SELECT 'Role ' || i FROM generate_series(1, 747) i");
    }

    @Test
    void injectedFacadesCheckTheDatabaseAndAMissingExtensionIsSkippedNotFailed() throws SQLException {
        RunbookKit kit = RunbookKit.create().withConfig(config("local", false));

        EngineExecutionResults results = kit.run(DatabaseRunbookFixture.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("roles"), finishedSuccessfully()))
                .haveExactly(1, event(test("slowQueries"), abortedWithReason(message(text ->
                        text.startsWith("pg_stat_statements is not installed in [jdbc:postgresql://127.0.0.1:")))))
                .haveExactly(1, event(test("backup"), finishedSuccessfully()));
        JsonNode report = kit.reportJson("database-runbook");
        assertThat(report.get("verdict").asText()).isEqualTo("GO");
        assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "SKIPPED", "PASSED");
        assertThat(report.get("steps").get(1).get("message").asText()).contains("CREATE EXTENSION pg_stat_statements");
        assertThat(report.get("steps").get(0).get("evidence").toString()).contains("db-count-roles");
        assertThat(openSessions()).isZero();
    }

    @Test
    void aReadOnlyEnvironmentRefusesWritesUnlessADestructiveStepIsAllowed() {
        RunbookKit refused = RunbookKit.create().withConfig(config("production", true)).parameter("runbook.env", "production");
        RunbookKit allowed = RunbookKit.create().withConfig(config("production", true)).parameter("runbook.env", "production")
                .parameter("runbook.allow-destructive", "true");

        refused.run(ForgotDestructiveFixture.class).testEvents().assertThatEvents()
                .haveExactly(1, event(test("write"), finishedWithFailure(message(text -> text.startsWith(
                        "write refused: environment [production] is read-only")))));
        allowed.run(DestructiveFixture.class).testEvents().assertThatEvents()
                .haveExactly(1, event(test("write"), finishedSuccessfully()));
        assertThat(refused.reportJson("forgot-destructive").get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(allowed.reportJson("destructive").get("verdict").asText()).isEqualTo("GO");
    }

    @Test
    void aStepWithoutADatabaseEntrySaysWhereToAddIt() {
        RunbookKit kit = RunbookKit.create().withConfig("environments:\n  local:\n    endpoints: {}\n");

        kit.run(ForgotDestructiveFixture.class).testEvents().assertThatEvents()
                .haveExactly(1, event(test("write"), finishedWithFailure(message(text -> text.contains(
                        "environment [local] has no database; add environments.local.database with url, user and password")))));
    }

    private String config(String environment, boolean readOnly) {
        return "environments:\n  " + environment + ":\n" + (readOnly ? "    read-only: true\n" : "")
                + "    database:\n      url: \"" + server.url(name) + "\"\n      user: postgres\n      password: \""
                + PostgresServer.SUPERUSER_PASSWORD + "\"\n    properties:\n      backup-dir: \""
                + Path.of("target", "runbook-db-backups", java.util.UUID.randomUUID().toString()).toAbsolutePath() + "\"\n";
    }

    private int openSessions() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.url("postgres"), PostgresServer.SUPERUSER,
                PostgresServer.SUPERUSER_PASSWORD);
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE application_name = 'runbookunit' AND datname LIKE '" + name + "%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Runbook("database runbook")
    static class DatabaseRunbookFixture {
        @Step(order = 1, value = "Roles table populated (expect ~747)")
        void roles(Database db) {
            db.expectConnectsWithin(Duration.ofSeconds(5));
            assertThat(db.count("roles")).isBetween(700L, 800L);
        }

        @Step(order = 2, value = "No slow queries")
        void slowQueries(Database db) {
            assertThat(db.slowQueries(Duration.ofMillis(500))).isEmpty();
        }

        @Step(order = 3, value = "Backup taken and proven restorable")
        void backup(Postgres postgres, org.runbookunit.config.RunbookEnvironment environment) {
            Backup backup = postgres.backup(Path.of(environment.property("backup-dir"), "roles.dump"));
            assertThat(postgres.verifyBackup(backup).restoredRowCounts()).containsEntry("public.roles", 747L);
        }
    }

    @Runbook("forgot destructive")
    static class ForgotDestructiveFixture {
        @Step(order = 1, value = "Record the cutover")
        void write(Database db) {
            db.execute("INSERT INTO roles (title) VALUES ('cutover marker')");
        }
    }

    @Runbook("destructive")
    static class DestructiveFixture {
        @Step(order = 1, value = "Record the cutover")
        @Destructive
        void write(Database db) {
            db.execute("INSERT INTO roles (title) VALUES ('cutover marker')");
        }
    }
}
