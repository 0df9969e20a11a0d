package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.Severity;

class RunbookWarningTests {

    @Test
    void aFailedMinorStepIsWarnedNotPassedAndLaterStepsStillRun() {
        RunbookKit kit = RunbookKit.create();

        EngineExecutionResults results = kit.run(MinorFailureFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).aborted(1).failed(0));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("dashboardTitle"),
                abortedWithReason(message("WARNED (MINOR) 2 Dashboard title is current: title was [Paraform]"))));
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(RunbookKit.runbookClass(MinorFailureFixture.class), finishedSuccessfully()));
        JsonNode report = kit.reportJson("warnings");
        assertThat(report.get("verdict").asText()).isEqualTo("GO");
        assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "WARNED", "PASSED");
        assertThat(report.get("warnings").get(0).asText())
                .isEqualTo("2 Dashboard title is current WARNED (MINOR): title was [Paraform]");
        assertThat(report.get("summary").get("passRate").asDouble()).isEqualTo(0.6667);
    }

    @Test
    void aPassRateUnderTheGateMinimumIsNoGo() {
        RunbookKit kit = RunbookKit.create().parameter("runbook.gate.min-pass-rate", "0.83");

        EngineExecutionResults results = kit.run(MinorFailureFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(MinorFailureFixture.class),
                finishedWithFailure(message(text -> text.contains(
                        "pass rate 67% (2 of 3 steps that ran) is below runbook.gate.min-pass-rate [0.83]")))));
        assertThat(kit.reportJson("warnings").get("verdict").asText()).isEqualTo("NO-GO");
    }

    @Test
    void aPassRateAtTheGateMinimumIsGo() {
        RunbookKit kit = RunbookKit.create().parameter("runbook.gate.min-pass-rate", "0.66");

        EngineExecutionResults results = kit.run(MinorFailureFixture.class);

        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(RunbookKit.runbookClass(MinorFailureFixture.class), finishedSuccessfully()));
    }

    @Runbook("warnings")
    static class MinorFailureFixture {
        @Step(order = 1, value = "API answers")
        void api() {
        }

        @Step(order = 2, value = "Dashboard title is current", severity = Severity.MINOR)
        void dashboardTitle() {
            throw new AssertionError("title was [Paraform]");
        }

        @Step(order = 3, value = "Roles listed", severity = Severity.MAJOR)
        void roles() {
        }
    }
}
