package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.Severity;
import org.runbookunit.http.Http;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.SilentServer;

class RunbookHttpFaultTests {

    @Test
    void aHangingEndpointFailsItsStepAtTheTimeoutAndTheNextStepStillRuns() throws IOException {
        try (LoopbackServer api = LoopbackServer.start().json("/health", 200, "{\"status\":\"healthy\"}");
                SilentServer grafana = SilentServer.start()) {
            RunbookKit kit = RunbookKit.create()
                    .withConfig("environments:\n  local:\n    endpoints:\n      api: \"" + api.uri() + "\"\n"
                            + "      grafana: \"" + grafana.uri() + "\"\n")
                    .parameter("runbook.http.timeout", "300ms");

            EngineExecutionResults results = kit.run(HangingEndpointFixture.class);

            results.testEvents().assertThatEvents()
                    .haveExactly(1, event(test("grafana"), abortedWithReason(message(text -> text.startsWith(
                            "WARNED (MAJOR) 1 Grafana answers: GET grafana /api/health: no response after")
                            && text.contains("the deadline of 300 ms (runbook.http.timeout) passed")))))
                    .haveExactly(1, event(test("api"), finishedSuccessfully()));
            JsonNode report = kit.reportJson("hanging-endpoint");
            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(report.get("steps").get(0).get("durationMs").asLong()).isLessThan(5_000);
        }
    }

    @Runbook("hanging endpoint")
    static class HangingEndpointFixture {
        @Step(order = 1, value = "Grafana answers", severity = Severity.MAJOR)
        void grafana(Http http) {
            http.get("grafana", "/api/health").expectStatus(200);
        }

        @Step(order = 2, value = "API answers")
        void api(Http http) {
            http.get("api", "/health").expectStatus(200);
        }
    }
}
