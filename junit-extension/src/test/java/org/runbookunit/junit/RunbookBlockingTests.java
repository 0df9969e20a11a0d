package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.http.Http;
import org.runbookunit.testing.LoopbackServer;

class RunbookBlockingTests {

    private final LoopbackServer server = LoopbackServer.start()
            .json("/health", 200, "{\"status\":\"healthy\"}")
            .json("/health/db", 500, "{\"status\":\"unhealthy\",\"database\":\"disconnected\"}");

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aFailedCriticalStepBlocksEveryLaterStep() {
        RunbookKit kit = RunbookKit.withApi(server.uri());

        EngineExecutionResults results = kit.run(CriticalFailureFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1).skipped(3));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("restart"), skippedWithReason("blocked by 1.2 Database health answers 200")))
                .haveExactly(1, event(test("health"), skippedWithReason("blocked by 1.2 Database health answers 200")))
                .haveExactly(1, event(test("errors"), skippedWithReason("blocked by 1.2 Database health answers 200")));
        JsonNode report = kit.reportJson("blocking");
        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(report.get("steps").findValuesAsText("outcome"))
                .containsExactly("PASSED", "FAILED", "BLOCKED", "BLOCKED", "BLOCKED");
    }

    @Test
    void noGoFailsTheRunbookClassNamingStepExpectationAndActualValue() {
        RunbookKit kit = RunbookKit.withApi(server.uri());

        EngineExecutionResults results = kit.run(CriticalFailureFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(CriticalFailureFixture.class),
                finishedWithFailure(message(text -> text.startsWith("NO-GO for runbook [blocking] in environment [local]")
                        && text.contains("1.2 Database health answers 200 FAILED")
                        && text.contains("status: expected [200] but was [500]")
                        && text.contains("report: " + kit.reportDir("blocking").resolve("report.md"))))));
        assertThat(kit.reportDir("blocking").resolve("report.md")).exists();
    }

    @Runbook("blocking")
    static class CriticalFailureFixture {

        @Nested
        @Phase(order = 1, value = "Health")
        class Health {
            @Step(order = 1, value = "API health answers 200")
            void api(Http http) {
                http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
            }

            @Step(order = 2, value = "Database health answers 200")
            void database(Http http) {
                http.get("api", "/health/db").expectStatus(200);
            }

            @Step(order = 3, value = "Restart scheduler")
            void restart() {
            }
        }

        @Nested
        @Phase(order = 2, value = "Smoke")
        class Smoke {
            @Step(order = 1, value = "Health again")
            void health() {
            }

            @Step(order = 2, value = "No errors")
            void errors() {
            }
        }
    }
}
