package org.runbookunit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbookunit.Outcome;
import org.runbookunit.Severity;
import org.runbookunit.Verdict;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.model.StepResult;
import org.runbookunit.model.GateDecision;

class GateTests {

    @Test
    void allPassedIsGo() {
        GateDecision decision = new Gate(0).evaluate(List.of(result(1, Outcome.PASSED, ""), result(2, Outcome.PASSED, "")));

        assertThat(decision.verdict()).isEqualTo(Verdict.GO);
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.passRate()).isEqualTo(1.0);
    }

    @Test
    void aFailedStepIsNoGoWithItsMessage() {
        GateDecision decision = new Gate(0).evaluate(List.of(result(1, Outcome.PASSED, ""),
                result(2, Outcome.FAILED, "status: expected [200] but was [503]\n  url: http://127.0.0.1/health")));

        assertThat(decision.verdict()).isEqualTo(Verdict.NO_GO);
        assertThat(decision.reasons()).containsExactly(
                "2 step 2 FAILED: status: expected [200] but was [503]\n  url: http://127.0.0.1/health");
    }

    @Test
    void warnedStepsAreListedButStillGo() {
        GateDecision decision = new Gate(0).evaluate(List.of(result(1, Outcome.PASSED, ""),
                result(2, Outcome.WARNED, "title was [Paraform]")));

        assertThat(decision.verdict()).isEqualTo(Verdict.GO);
        assertThat(decision.warnings()).containsExactly("2 step 2 WARNED (CRITICAL): title was [Paraform]");
    }

    @Test
    void skippedAndBlockedStepsDoNotCountTowardsThePassRate() {
        GateDecision decision = new Gate(0.83).evaluate(List.of(result(1, Outcome.PASSED, ""),
                result(2, Outcome.SKIPPED, "not here"), result(3, Outcome.PASSED, ""), result(4, Outcome.BLOCKED, "")));

        assertThat(decision.verdict()).isEqualTo(Verdict.GO);
        assertThat(decision.ran()).isEqualTo(2);
    }

    @Test
    void fortyOfFortyEightIsJustEnoughForEightyThreePercent() {
        List<StepResult> results = new java.util.ArrayList<>();
        for (int step = 1; step <= 48; step++) {
            results.add(result(step, step <= 40 ? Outcome.PASSED : Outcome.WARNED, "flaky"));
        }

        assertThat(new Gate(0.83).evaluate(results).verdict()).isEqualTo(Verdict.GO);
        assertThat(new Gate(0.84).evaluate(results).reasons()).containsExactly(
                "pass rate 83% (40 of 48 steps that ran) is below runbook.gate.min-pass-rate [0.84]");
    }

    @Test
    void nothingRanIsNoGo() {
        GateDecision decision = new Gate(0).evaluate(List.of(result(1, Outcome.SKIPPED, "not in production")));

        assertThat(decision.verdict()).isEqualTo(Verdict.NO_GO);
        assertThat(decision.reasons()).containsExactly("no step ran: nothing was validated");
    }

    private static StepResult result(int step, Outcome outcome, String message) {
        return new StepResult(new StepDefinition(StepId.of(step), "step " + step, Severity.CRITICAL, ""), outcome,
                Instant.EPOCH, Duration.ZERO, message, List.of());
    }
}
