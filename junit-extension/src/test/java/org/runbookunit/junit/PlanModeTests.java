package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.http.Http;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.SilentServer;

class PlanModeTests {

    @Test
    void planModeSaysWhatEachStepWouldDoAndMakesNoConnection() throws IOException {
        try (LoopbackServer api = LoopbackServer.start().route("/", exchange -> {
                    throw new AssertionError("plan mode must not contact " + exchange.getRequestURI());
                });
                SilentServer database = SilentServer.start()) {
            RunbookKit kit = RunbookKit.create().withConfig("environments:\n  production:\n    read-only: true\n"
                    + "    endpoints:\n      api: \"" + api.uri() + "\"\n      db: \"" + database.uri() + "\"\n"
                    + "    properties:\n      token: \"${RUNBOOK_TEST_UNSET_TOKEN}\"\n")
                    .parameter("runbook.env", "production").parameter("runbook.plan", "true");

            EngineExecutionResults results = kit.run(PlannedFixture.class);

            results.testEvents().assertStatistics(stats -> stats.started(0).skipped(3));
            results.testEvents().assertThatEvents()
                    .haveExactly(1, event(test("health"), skippedWithReason("plan only: ▷ 1 API healthy — would run")))
                    .haveExactly(1, event(test("restart"), skippedWithReason("plan only: ↷ 2 Restart API — would refuse: "
                            + "refused in read-only environment [production]: @Destructive step; set "
                            + "runbook.allow-destructive=true to run it anyway")))
                    .haveExactly(1, event(test("localOnly"), skippedWithReason(
                            "plan only: ↷ 3 Local smoke — would skip: not run in [production]: @OnlyIn(local)")));
            results.containerEvents().assertThatEvents()
                    .haveExactly(1, event(RunbookKit.runbookClass(PlannedFixture.class), finishedSuccessfully()));
            assertThat(api.requestHeaders()).isEmpty();
            assertThat(database.connections()).isZero();
            assertThat(kit.reportDir("planned")).doesNotExist();
        }
    }

    @Runbook("planned")
    static class PlannedFixture {
        @Step(order = 1, value = "API healthy")
        void health(Http http) {
            http.get("api", "/health").expectStatus(200);
            http.get("db", "/").expectStatus(200);
        }

        @Step(order = 2, value = "Restart API")
        @Destructive
        void restart(Http http) {
            http.post("api", "/admin/restart").expectStatus(202);
        }

        @Step(order = 3, value = "Local smoke")
        @OnlyIn("local")
        void localOnly(Http http) {
            http.get("api", "/health").expectStatus(200);
        }
    }
}
