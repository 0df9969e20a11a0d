package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.examples.airdemand.AirDemandService;

/** Seed 000's 24-hour staging monitoring rehearsed: hourly runs through the engine at rehearsal times, then judged. */
class StagingMonitoringExampleTests {

    private static final Instant START = Instant.parse("2025-12-19T12:45:00Z");
    private final Path workDir = Path.of("target", "staging-monitoring", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void aQuietDayOfHourlyRunsCompletesTheMonitoringPeriod() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            for (int hour = 0; hour < 24; hour++) {
                assertThat(run(service, START.plusSeconds(3600L * hour)).get("steps").get(2).get("outcome").asText())
                        .isEqualTo("WARNED");
            }

            JsonNode last = run(service, START.plusSeconds(3600L * 24));

            assertThat(last.get("verdict").asText()).isEqualTo("GO");
            assertThat(last.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "PASSED");
        }
    }

    @Test
    void anErrorLoggedDuringTheDayIsNamedWhenThePeriodIsJudged() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            for (int hour = 0; hour < 24; hour++) {
                if (hour == 17) {
                    service.recordError("scrape failed: paraform session expired");
                }
                run(service, START.plusSeconds(3600L * hour));
            }

            JsonNode last = run(service, START.plusSeconds(3600L * 24));

            assertThat(last.get("steps").get(2).get("outcome").asText()).isEqualTo("WARNED");
            assertThat(last.get("steps").get(2).get("message").asText()).startsWith("step 7.2 of runbook "
                    + "[air-demand-staging-monitoring] in [local] failed in 7 of 24 runs since 2025-12-19T12:15:")
                    .contains(": 2025-12-20T05:45:00Z WARNED, 2025-12-20T06:45:00Z WARNED");
        }
    }

    private JsonNode run(AirDemandService service, Instant at) throws IOException {
        Path config = RunbookReports.config(workDir, "environments:\n  local:\n    rehearsal: true\n"
                + "    endpoints:\n      api: \"" + service.baseUri() + "\"\n");
        Map<String, String> parameters = Map.of("runbook.config", config.toString(), "runbook.clock", at.toString());
        return RunbookReports.run(AirDemandStagingMonitoring.class, "air-demand-staging-monitoring", workDir,
                RunbookReports.withLedger(workDir, parameters));
    }
}
