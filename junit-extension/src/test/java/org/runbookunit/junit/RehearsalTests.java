package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.Severity;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.rehearsal.ContainerService;
import org.runbookunit.rehearsal.PostgresService;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.RehearsalStack;
import org.runbookunit.testing.RequiresDocker;

@RequiresDocker
class RehearsalTests {

    private static final AtomicInteger STARTS = new AtomicInteger();

    @Test
    void aStackStartsOncePerRunAndItsDatabaseIsBoundIntoTheEnvironment() {
        RunbookKit kit = RunbookKit.create().withConfig("environments:\n  local:\n    rehearsal: true\n");
        int before = STARTS.get();

        EngineExecutionResults results = kit.run(FirstRunbookFixture.class, SecondRunbookFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(STARTS.get() - before).isEqualTo(1);
        JsonNode runEvidence = kit.reportJson("first").get("runEvidence");
        assertThat(runEvidence.findValuesAsText("description")).containsExactly("stack engine", "stack db logs");
        assertThat(kit.reportDir("first").resolve(runEvidence.get(0).get("path").asText())).content()
                .startsWith("the rehearsal stack ran on ").contains("Docker engine");
    }

    @Test
    void withoutARehearsalEnvironmentNoStackStarts() {
        RunbookKit kit = RunbookKit.create().withConfig("environments:\n  local:\n    rehearsal: true\n"
                + "  staging:\n    database: { url: \"jdbc:postgresql://127.0.0.1:1/none\", user: u, password: pw }\n")
                .parameter("runbook.env", "staging");
        int before = STARTS.get();

        EngineExecutionResults results = kit.run(FirstRunbookFixture.class);

        assertThat(STARTS.get()).isEqualTo(before);
        results.testEvents().assertThatEvents().haveExactly(1, event(test("database"),
                finishedWithFailure(message(text -> text.contains("Connection to 127.0.0.1:1 refused")))));
    }

    @Test
    void aContainerThatExitsDuringStartupFailsWithItsLogs() {
        EngineExecutionResults results = RunbookKit.create().withConfig("environments:\n  local:\n    rehearsal: true\n")
                .run(ExitingFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(ExitingFixture.class),
                finishedWithFailure(message(text -> text.startsWith("rehearsal stack ExitingStack could not start service [api]")
                        && text.contains("openjdk version \"17")))));
    }

    @Test
    void aContainerThatNeverBecomesHealthyFailsAtItsTimeout() {
        EngineExecutionResults results = RunbookKit.create().withConfig("environments:\n  local:\n    rehearsal: true\n")
                .run(UnhealthyFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(UnhealthyFixture.class),
                finishedWithFailure(message(text -> text.startsWith("rehearsal stack UnhealthyStack could not start service "
                        + "[api]") && text.contains("database system is ready to accept connections")))));
    }

    @Test
    void aDatabaseStoppedMidRunFailsTheNextDatabaseStepAndTheReportIsStillWritten() {
        RunbookKit kit = RunbookKit.create().withConfig("environments:\n  local:\n    rehearsal: true\n");

        EngineExecutionResults results = kit.run(OutageFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("afterOutage"),
                finishedWithFailure(message(text -> text.contains("refused") || text.contains("I/O error")))));
        JsonNode report = kit.reportJson("outage");
        assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "FAILED");
        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
    }

    private static void selectOne(RunbookEnvironment environment) throws SQLException {
        DatabaseSettings database = environment.database().orElseThrow();
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(database.url() + "?connectTimeout=5&socketTimeout=5",
                database.user(), database.password())) {
            assertThat(connection.createStatement().executeQuery("select 1").next()).isTrue();
        }
    }

    /** PostgreSQL only; counts its starts. */
    public static class PostgresStack extends RehearsalStack {
        static PostgresService database;

        public PostgresStack() {
            STARTS.incrementAndGet();
        }

        @Override
        protected List<RehearsalService> services() {
            database = PostgresService.image("postgres:16-alpine").database("rehearsal");
            return List.of(database);
        }
    }

    /** A service container that exits at once. */
    public static class ExitingStack extends RehearsalStack {
        @Override
        protected List<RehearsalService> services() {
            return List.of(ContainerService.image("api", "eclipse-temurin:17-jre").command("java", "-version")
                    .endpoint("api", 8123, "/health").startupTimeout(Duration.ofSeconds(20)));
        }
    }

    /** A container whose port never answers HTTP. */
    public static class UnhealthyStack extends RehearsalStack {
        @Override
        protected List<RehearsalService> services() {
            return List.of(ContainerService.image("api", "postgres:16-alpine").env("POSTGRES_PASSWORD", "pw")
                    .endpoint("api", 5432, "/health").startupTimeout(Duration.ofSeconds(8)));
        }
    }

    @Runbook("first")
    @Rehearsal(PostgresStack.class)
    static class FirstRunbookFixture {
        @Step(order = 1, value = "Database answers")
        void database(RunbookEnvironment environment) throws SQLException {
            selectOne(environment);
        }
    }

    @Runbook("second")
    @Rehearsal(PostgresStack.class)
    static class SecondRunbookFixture {
        @Step(order = 1, value = "Database answers")
        void database(RunbookEnvironment environment) throws SQLException {
            selectOne(environment);
        }
    }

    @Runbook("exiting")
    @Rehearsal(ExitingStack.class)
    static class ExitingFixture {
        @Step(order = 1, value = "Never runs")
        void never() {
        }
    }

    @Runbook("unhealthy")
    @Rehearsal(UnhealthyStack.class)
    static class UnhealthyFixture {
        @Step(order = 1, value = "Never runs")
        void never() {
        }
    }

    @Runbook("outage")
    @Rehearsal(PostgresStack.class)
    static class OutageFixture {
        @Step(order = 1, value = "Database answers")
        void before(RunbookEnvironment environment) throws SQLException {
            selectOne(environment);
        }

        @Step(order = 2, value = "Database goes away", severity = Severity.MINOR)
        void outage() {
            PostgresStack.database.close();
        }

        @Step(order = 3, value = "Database answers after the outage")
        void afterOutage(RunbookEnvironment environment) throws SQLException {
            selectOne(environment);
        }
    }
}
