package org.runbookunit.examples;

import java.time.Duration;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.load.Load;
import org.runbookunit.load.Thresholds;

/**
 * Seed 004, 7 "Run performance tests" and the day-2 regression check: the k6 runs ({@code --vus 50 --duration 5m},
 * p95 &lt; 500 ms, error rate &lt; 1 %, throughput &gt; baseline) as bounded {@code Load} probes of the auth and agents
 * APIs. The baseline is the environment's {@code baseline-rps}; with {@code windows-scale: 0.01} a 5-minute probe
 * lasts 3 s in rehearsal.
 */
// tag::runbook[]
@Runbook("agentic staging performance")
class AgenticStagingPerformance {

    static final Thresholds SLO = Thresholds.none().p95Below(Duration.ofMillis(500)).errorRateBelow(0.01);

    @Step(order = 1, value = "Auth API load test: 50 VUs for 5 minutes within the SLO and above baseline")
    void authApi(Load load, RunbookEnvironment environment) {
        load.probe("auth api", "auth-api", "/health").virtualUsers(50).duration(Duration.ofMinutes(5))
                .expect(SLO.throughputAtLeast(baseline(environment))).run();
    }

    @Step(order = 2, value = "Agents API load test: 50 VUs for 5 minutes within the SLO and above baseline")
    void agentsApi(Load load, RunbookEnvironment environment) {
        load.probe("agents api", "agents-api", "/agents").virtualUsers(50).duration(Duration.ofMinutes(5))
                .expect(SLO.throughputAtLeast(baseline(environment))).run();
    }

    @Step(order = 3, value = "Performance regression check: 100 VUs for 10 minutes, ramping up over 1 minute")
    void regression(Load load, RunbookEnvironment environment) {
        load.probe("agents api 100 VUs", "agents-api", "/agents").virtualUsers(100).rampUp(Duration.ofMinutes(1))
                .duration(Duration.ofMinutes(10)).maxRequests(2_000_000)
                .expect(SLO.p99Below(Duration.ofSeconds(1)).throughputAtLeast(baseline(environment))).run();
    }

    private static double baseline(RunbookEnvironment environment) {
        return Double.parseDouble(environment.property("baseline-rps"));
    }
}
// end::runbook[]
