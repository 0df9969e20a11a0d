package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.http.Http;
import org.runbookunit.testing.LoopbackServer;

/**
 * {@code @Phase(onFailureOnly = true)} through the real JUnit engine: the old production (a real HTTP service that
 * serves only after it is started) is brought back when the cutover fails, and left alone when it does not.
 */
class RollbackPhaseTests {

    private final AtomicBoolean oldServing = new AtomicBoolean(false);
    private final AtomicBoolean oldStartBroken = new AtomicBoolean(false);
    private final AtomicBoolean newHealthy = new AtomicBoolean(true);
    private final LoopbackServer newProduction = LoopbackServer.start()
            .route("/health", exchange -> LoopbackServer.respond(exchange, newHealthy.get() ? 200 : 503,
                    "application/json", "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));
    private final LoopbackServer oldProduction = LoopbackServer.start()
            .route("/admin/start", exchange -> {
                oldServing.set(!oldStartBroken.get());
                LoopbackServer.respond(exchange, oldStartBroken.get() ? 500 : 202, "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8));
            })
            .route("/health", exchange -> LoopbackServer.respond(exchange, oldServing.get() ? 200 : 503,
                    "application/json", "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        newProduction.close();
        oldProduction.close();
    }

    private RunbookKit kit() {
        return RunbookKit.create().withConfig("environments:\n  local:\n    endpoints:\n      api: \"" + newProduction.uri()
                + "\"\n      old-api: \"" + oldProduction.uri() + "\"\n");
    }

    private EngineExecutionResults run(RunbookKit kit) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            return kit.run(CutoverFixture.class);
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void aFailedCutoverRunsTheRollbackInsteadOfBlockingItAndVerifiesIt() throws Exception {
        newHealthy.set(false);
        RunbookKit kit = kit();

        EngineExecutionResults results = run(kit);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(3).failed(1).skipped(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("smoke"),
                skippedWithReason("blocked by 1.1 New production healthy")));
        assertThat(oldServing).isTrue();
        JsonNode report = kit.reportJson("cutover");
        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(report.get("steps").findValuesAsText("outcome"))
                .containsExactly("FAILED", "BLOCKED", "PASSED", "PASSED", "PASSED");
        assertThat(report.path("rollback").path("state").asText()).isEqualTo("VERIFIED");
        assertThat(report.path("rollback").path("summary").asText()).isEqualTo("Rollback verified");
        assertThat(report.path("rollback").path("step").isNull()).isTrue();
        assertThat(Files.readString(kit.reportDir("cutover").resolve("report.md"))).contains("| Rollback | **Rollback verified** |");
        assertThat(Files.readString(kit.reportDir("cutover").resolve("report.html")))
                .contains("<tr><th>Rollback</th><td>Rollback verified</td></tr>");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("  Verdict: NO-GO", "  Rollback verified\n");
        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(CutoverFixture.class),
                finishedWithFailure(message(text -> text.startsWith("NO-GO for runbook [cutover]")))));
    }

    @Test
    void aCutoverThatHoldsSkipsTheRollbackWithNoFailureToRollBack() {
        RunbookKit kit = kit();

        EngineExecutionResults results = run(kit);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).skipped(3));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("powerOn"), skippedWithReason("no failure to roll back")))
                .haveExactly(1, event(test("oldHealthy"), skippedWithReason("no failure to roll back")))
                .haveExactly(1, event(test("stopNewScheduler"), skippedWithReason("no failure to roll back")));
        assertThat(oldProduction.requests()).isEmpty();
        JsonNode report = kit.reportJson("cutover");
        assertThat(report.get("verdict").asText()).isEqualTo("GO");
        assertThat(report.get("steps").findValuesAsText("outcome"))
                .containsExactly("PASSED", "PASSED", "SKIPPED", "SKIPPED", "SKIPPED");
        assertThat(report.path("rollback").path("state").asText()).isEqualTo("NOT_NEEDED");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("  Rollback not needed: no failure to roll back");
    }

    @Test
    void aFailedRollbackStepBlocksTheRestOfTheRollbackAndIsReported() throws Exception {
        newHealthy.set(false);
        oldStartBroken.set(true);
        RunbookKit kit = kit();

        EngineExecutionResults results = run(kit);

        results.testEvents().assertStatistics(stats -> stats.started(2).failed(2).skipped(3));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("oldHealthy"), skippedWithReason("blocked by 99.1 Old production powered on")))
                .haveExactly(1, event(test("stopNewScheduler"), skippedWithReason("blocked by 99.1 Old production powered on")));
        JsonNode report = kit.reportJson("cutover");
        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(report.get("steps").findValuesAsText("outcome"))
                .containsExactly("FAILED", "BLOCKED", "FAILED", "BLOCKED", "BLOCKED");
        assertThat(report.path("rollback").path("state").asText()).isEqualTo("FAILED");
        assertThat(report.path("rollback").path("summary").asText()).isEqualTo("Rollback FAILED at 99.1");
        assertThat(report.path("rollback").path("step").asText()).isEqualTo("99.1");
        assertThat(report.get("reasons").toString()).contains("99.1 Old production powered on FAILED");
        assertThat(Files.readString(kit.reportDir("cutover").resolve("report.md")))
                .contains("| Rollback | **Rollback FAILED at 99.1** |");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("  Rollback FAILED at 99.1\n");
    }

    @Test
    void aRedFlagWindowBreachingItsBudgetTriggersTheRollback() {
        newHealthy.set(false);
        RunbookKit kit = kit();
        PrintStream original = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            kit.run(RedFlagFixture.class);
        } finally {
            System.setOut(original);
        }

        JsonNode report = kit.reportJson("red-flags");
        assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("FAILED", "PASSED");
        assertThat(report.get("steps").get(0).get("message").asText()).contains("red flags");
        assertThat(report.path("rollback").path("summary").asText()).isEqualTo("Rollback verified");
        assertThat(oldServing).isTrue();
    }

    @Runbook("red flags")
    static class RedFlagFixture {
        @Nested
        @Phase(order = 7, value = "Monitoring")
        class Monitoring {
            @Step(order = 1, value = "No red flags (rollback triggers)")
            void redFlags(Http http, org.runbookunit.windows.Windows windows) {
                windows.watch("red flags", java.time.Duration.ofSeconds(2), java.time.Duration.ofMillis(100),
                        org.runbookunit.windows.FailureBudget.maxConsecutiveFailures(2),
                        () -> http.get("api", "/health").expectStatus(200));
            }
        }

        @Nested
        @Phase(order = 99, value = "Rollback", onFailureOnly = true)
        class Rollback {
            @Step(order = 1, value = "Old production powered on and healthy")
            void powerOn(Http http) {
                http.post("old-api", "/admin/start").expectStatus(202);
                http.get("old-api", "/health").expectStatus(200);
            }
        }
    }

    @Runbook("cutover")
    static class CutoverFixture {

        @Nested
        @Phase(order = 1, value = "Cutover")
        class Cutover {
            @Step(order = 1, value = "New production healthy")
            void newHealthy(Http http) {
                http.get("api", "/health").expectStatus(200);
            }
        }

        @Nested
        @Phase(order = 2, value = "Smoke")
        class Smoke {
            @Step(order = 1, value = "Smoke tests pass")
            void smoke(Http http) {
                http.get("api", "/health").expectStatus(200);
            }
        }

        @Nested
        @Phase(order = 99, value = "Rollback", onFailureOnly = true)
        class Rollback {
            @Step(order = 1, value = "Old production powered on")
            void powerOn(Http http) {
                http.post("old-api", "/admin/start").expectStatus(202);
            }

            @Step(order = 2, value = "Old production healthy")
            void oldHealthy(Http http) {
                http.get("old-api", "/health").expectStatus(200);
            }

            @Step(order = 3, value = "New scheduler stopped")
            void stopNewScheduler(Http http) {
                http.get("api", "/health").expectStatus(503);
            }
        }
    }
}
