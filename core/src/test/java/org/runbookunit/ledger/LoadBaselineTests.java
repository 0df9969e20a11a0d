package org.runbookunit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbookunit.Outcome;
import org.runbookunit.load.Load;
import org.runbookunit.load.Thresholds;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.testing.LoadTargetServer;

/** A load probe's throughput judged against the previous run's, read from a real file ledger across three runs. */
class LoadBaselineTests {

    private final RunbookPlan plan = new RunbookPlan("load-baseline", "load baseline",
            List.of(LedgerRuns.step(1, "Throughput not below the previous run's")));

    @Test
    void theFirstRunRecordsItsThroughputAndALaterSlowerRunFailsNamingThePreviousRun() {
        try (LoadTargetServer fast = LoadTargetServer.start(8, Duration.ZERO);
                LoadTargetServer slow = LoadTargetServer.start(1, Duration.ofMillis(40))) {
            LedgerRuns runs = LedgerRuns.fileStore().endpoint("api", fast.uri());

            RunbookResult first = runs.run(plan, LedgerRuns.at("2026-11-24T06:00:00Z"), List.of(step ->
                    probe(step.facade(Load.class), 0.5)));
            RunbookResult second = runs.run(plan, LedgerRuns.at("2026-11-25T06:00:00Z"), List.of(step ->
                    probe(step.facade(Load.class), 0.2)));
            runs.endpoint("api", slow.uri());
            RunbookResult third = runs.run(plan, LedgerRuns.at("2026-11-26T06:00:00Z"), List.of(step ->
                    probe(step.facade(Load.class), 0.5)));

            assertThat(first.steps().get(0).outcome()).isEqualTo(Outcome.WARNED);
            assertThat(first.steps().get(0).message()).contains("no earlier run recorded [load health req/s] of step 1");
            assertThat(second.steps().get(0).outcome()).isEqualTo(Outcome.PASSED);
            assertThat(third.steps().get(0).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(third.steps().get(0).message()).startsWith("load probe [health] broke 1 threshold (")
                    .contains("throughput: budget >= 0.5× the previous run's, [load health req/s] of step 1 in runbook "
                            + "[load-baseline] in [production] is ")
                    .contains("at 2026-11-25T06:00:00Z (commit c0ffee, run ");
            double recorded = runs.ledger().runs("load-baseline", "production").get(1).step("1").orElseThrow()
                    .measurement("load health req/s").orElseThrow();
            assertThat(recorded).as("the second run's throughput, from the ledger").isGreaterThan(100);
        }
    }

    private static void probe(Load load, double fraction) {
        load.probe("health", "api", "/health").virtualUsers(2).duration(Duration.ofMillis(500))
                .expect(Thresholds.none().errorRateBelow(0.01).throughputAtLeastPreviousRun(fraction)).run();
    }
}
