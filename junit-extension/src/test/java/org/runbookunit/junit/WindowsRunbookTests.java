package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.http.Http;
import org.runbookunit.testing.ScriptedHealthServer;
import org.runbookunit.windows.FailureBudget;
import org.runbookunit.windows.Windows;

class WindowsRunbookTests {

    @Test
    void windowsRunScaledByTheEnvironmentAndTheirTimelinesAreInTheReport() {
        try (ScriptedHealthServer server = ScriptedHealthServer.byRequest(List.of(503, 503, 200, 200, 503))) {
            RunbookKit kit = RunbookKit.create().withConfig("environments:\n  local:\n    windows-scale: 0.001\n"
                    + "    endpoints: { api: \"" + server.uri() + "\" }\n");

            EngineExecutionResults results = kit.run(StabilityFixture.class);

            results.testEvents().assertStatistics(stats -> stats.succeeded(2));
            JsonNode steps = kit.reportJson("stability").get("steps");
            assertThat(steps.get(0).get("evidence").findValuesAsText("description"))
                    .contains("window api ready within 300s: 3 samples, 2 failures, longest failure streak 2");
            assertThat(steps.get(1).get("evidence").findValuesAsText("description"))
                    .contains("window red flags for 1h: 61 samples, 1 failure, longest failure streak 1");
            assertThat(steps.get(1).get("evidence").findValuesAsText("path")).anyMatch(path -> path.endsWith(".csv"));
        }
    }

    @Test
    void aRetriedCallMakesItsStepWarned() {
        try (ScriptedHealthServer server = ScriptedHealthServer.byRequest(List.of(502))) {
            RunbookKit kit = RunbookKit.create().withConfig("environments:\n  local:\n"
                    + "    endpoints: { api: \"" + server.uri() + "\" }\n");

            EngineExecutionResults results = kit.run(FlakyFixture.class);

            results.testEvents().assertThatEvents().haveExactly(1, event(test("health"), abortedWithReason(message(text ->
                    text.startsWith("WARNED 1 API healthy: GET api /health passed only on attempt 2 of 3")))));
            JsonNode report = kit.reportJson("flaky");
            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(report.get("steps").get(0).get("outcome").asText()).isEqualTo("WARNED");
            assertThat(report.get("steps").get(0).get("evidence")).hasSize(2);
            results.containerEvents().assertThatEvents()
                    .haveExactly(1, event(RunbookKit.runbookClass(FlakyFixture.class), finishedSuccessfully()));
        }
    }

    @Runbook("stability")
    static class StabilityFixture {
        @Step(order = 1, value = "Health checks pass (timeout 300 s)")
        void ready(Http http, Windows windows) {
            windows.eventually("api ready within 300s", Duration.ofSeconds(300),
                    () -> http.get("api", "/health").expectStatus(200));
        }

        @Step(order = 2, value = "No red flags for an hour")
        void redFlags(Http http, Windows windows) {
            windows.watch("red flags for 1h", Duration.ofHours(1), Duration.ofMinutes(1), FailureBudget.maxConsecutiveFailures(2),
                    () -> http.get("api", "/health").expectStatus(200));
        }
    }

    @Runbook("flaky")
    static class FlakyFixture {
        @Step(order = 1, value = "API healthy")
        void health(Http http) {
            http.retry(2).get("api", "/health").expectStatus(200);
        }
    }
}
