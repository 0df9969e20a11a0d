package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.http.Http;
import org.runbookunit.testing.LoopbackServer;

class EnvironmentRulesTests {

    private final LoopbackServer server = LoopbackServer.start()
            .json("/health", 200, "{\"status\":\"healthy\"}")
            .json("/admin/restart", 202, "{\"status\":\"restarting\"}");

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aDestructiveStepIsRefusedInAReadOnlyEnvironment() {
        EngineExecutionResults results = kit().parameter("runbook.env", "production").run(CutoverFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("restart"), skippedWithReason(
                "refused in read-only environment [production]: @Destructive step; set runbook.allow-destructive=true "
                        + "to run it anyway")));
        assertThat(restartsReceived()).isZero();
    }

    @Test
    void theOverrideRunsTheDestructiveStepInAReadOnlyEnvironment() {
        EngineExecutionResults results = kit().parameter("runbook.env", "production")
                .parameter("runbook.allow-destructive", "true").run(CutoverFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("restart"), finishedSuccessfully()));
        assertThat(restartsReceived()).isEqualTo(1);
    }

    @Test
    void aDestructiveStepRunsInAWritableEnvironment() {
        EngineExecutionResults results = kit().parameter("runbook.env", "staging").run(CutoverFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("restart"), finishedSuccessfully()));
    }

    @Test
    void onlyInAndNotInSkipWithTheValuesInTheReason() {
        RunbookKit kit = kit();

        EngineExecutionResults results = kit.run(CutoverFixture.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("dns"), skippedWithReason("not run in [local]: @OnlyIn(production, staging)")))
                .haveExactly(1, event(test("dailyHealth"), skippedWithReason("not run in [local]: @NotIn(local)")))
                .haveExactly(1, event(test("errorRate"), skippedWithReason("not run in [local]: @NotIn(local)")));
        assertThat(kit.reportJson("cutover").get("steps").findValuesAsText("outcome"))
                .containsExactly("PASSED", "SKIPPED", "PASSED", "SKIPPED", "SKIPPED");
    }

    @Test
    void missingVariablesAreAllListedAndNoStepRuns() {
        EngineExecutionResults results = RunbookKit.create().withConfig("environments:\n  local:\n    endpoints:\n"
                + "      api: \"http://${RUNBOOK_TEST_UNSET_HOST}:8123\"\n    properties:\n"
                + "      token: \"${RUNBOOK_TEST_UNSET_TOKEN}\"\n      region: \"${RUNBOOK_TEST_UNSET_REGION:-nyc3}\"\n")
                .run(CutoverFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(CutoverFixture.class),
                finishedWithFailure(message(text -> text.contains("environment [local] uses variables that are not set: "
                        + "[RUNBOOK_TEST_UNSET_HOST, RUNBOOK_TEST_UNSET_TOKEN]") && text.endsWith("no step was run")))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(server.requestHeaders()).isEmpty();
    }

    @Test
    void aBadDurationStopsTheRunBeforeAnyStep() {
        EngineExecutionResults results = kit().parameter("runbook.http.timeout", "10").run(CutoverFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(CutoverFixture.class),
                finishedWithFailure(message("runbook.http.timeout must be a duration like 500ms, 10s, 5m, 2h or 7d but was [10]"))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    private RunbookKit kit() {
        String api = "      api: \"" + server.uri() + "\"\n";
        return RunbookKit.create().withConfig("environments:\n  local:\n    endpoints:\n" + api
                + "  staging:\n    endpoints:\n" + api
                + "  production:\n    read-only: true\n    endpoints:\n" + api);
    }

    private long restartsReceived() {
        return server.requests().stream().filter("POST /admin/restart"::equals).count();
    }

    @Runbook("cutover")
    static class CutoverFixture {

        @Nested
        @Phase(order = 3, value = "Configuration")
        class Configuration {
            @Step(order = 1, value = "API healthy before the switch")
            void health(Http http) {
                http.get("api", "/health").expectStatus(200);
            }

            @Step(order = 2, value = "DNS points at the new droplet")
            @OnlyIn({"staging", "production"})
            void dns(Http http) {
                http.get("api", "/health").expectStatus(200);
            }

            @Step(order = 3, value = "Restart API with the production config")
            @Destructive
            void restart(Http http) {
                http.post("api", "/admin/restart").expectStatus(202);
            }
        }

        @Nested
        @Phase(order = 7, value = "One-week monitoring")
        @NotIn("local")
        class Monitoring {
            @Step(order = 1, value = "Daily health check")
            void dailyHealth(Http http) {
                http.get("api", "/health").expectStatus(200);
            }

            @Step(order = 2, value = "Error rate under 10 per hour")
            void errorRate(Http http) {
                http.get("api", "/health").expectStatus(200);
            }
        }
    }
}
