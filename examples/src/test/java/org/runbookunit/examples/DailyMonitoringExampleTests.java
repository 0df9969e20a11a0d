package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.examples.airdemand.AirDemandService;

/**
 * Seed 001 Phase 7 rehearsed: the daily monitoring runbook runs through the JUnit engine at 05:30 and 17:30 UTC on
 * seven days (the rehearsal's {@code runbook.clock}) against the sample service, each run recorded in the ledger; on the
 * eighth morning its last step passes only because the ledger holds seven consecutive GO days and 14 scrapes.
 */
class DailyMonitoringExampleTests {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-11-24");

    private final Path workDir = Path.of("target", "daily-monitoring", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void aCleanWeekOfTwiceDailyRunsPassesTheWeekOnTheEighthMorning() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            for (int day = 0; day < 7; day++) {
                for (String time : new String[] {"T05:30:00Z", "T17:30:00Z"}) {
                    JsonNode report = run(service, FIRST_DAY.plusDays(day) + time);
                    assertThat(report.get("verdict").asText()).isEqualTo("GO");
                    assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED",
                            day == 0 && time.startsWith("T05") ? "WARNED" : "PASSED", "WARNED", "PASSED", "PASSED",
                            "PASSED");
                }
            }

            JsonNode eighth = run(service, "2026-12-01T05:30:00Z");

            assertThat(eighth.get("verdict").asText()).isEqualTo("GO");
            assertThat(eighth.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "PASSED",
                    "PASSED", "PASSED", "PASSED");
            assertThat(eighth.get("steps").get(2).get("evidence").findValuesAsText("description")).containsExactly(
                    "history: verdict GO on 7 consecutive days up to 2026-11-30",
                    "history: step 7.2 passed in 14 of 14 runs since 2026-11-23T17:30:00Z",
                    "history: step 7.4 passed in 14 of 14 runs since 2026-11-23T17:30:00Z",
                    "history: step 7.5 passed in 14 of 14 runs since 2026-11-23T17:30:00Z",
                    "history: step 7.6 passed in 14 of 14 runs since 2026-11-23T17:30:00Z");
            assertThat(eighth.get("startedAt").asText()).startsWith("2026-12-01T05:30");
        }
    }

    @Test
    void anUnhealthyEveningBreaksTheWeekAndTheEighthMorningSaysWhich() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            for (int day = 0; day < 7; day++) {
                for (String time : new String[] {"T05:30:00Z", "T17:30:00Z"}) {
                    String at = FIRST_DAY.plusDays(day) + time;
                    service.setHealthy(!at.equals("2026-11-27T17:30:00Z"));
                    run(service, at);
                }
            }
            service.setHealthy(true);

            JsonNode eighth = run(service, "2026-12-01T05:30:00Z");

            assertThat(eighth.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "WARNED",
                    "PASSED", "PASSED", "PASSED");
            assertThat(eighth.get("steps").get(2).get("message").asText()).startsWith("verdict GO on 3 consecutive days "
                    + "up to 2026-11-30 in runbook [air-demand-daily-monitoring] in [local] but needs 7: 2026-11-27 had a "
                    + "failed run");
        }
    }

    @Test
    void aDatabaseErrorInTheErrorLogFailsTheDaysDatabaseCheck() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            service.recordError("scrape failed: sqlalchemy.exc.OperationalError: connection to server was lost");
            service.recordError("digest skipped: no new roles");

            JsonNode report = run(service, "2026-11-24T05:30:00Z");

            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "WARNED", "WARNED",
                    "PASSED", "FAILED", "BLOCKED");
            assertThat(report.get("steps").get(4).get("message").asText()).contains("expected [0] but was [1]");
        }
    }

    @Test
    void anHourOfSixErrorsIsUnderTheRedFlagButMissesTheWeekTarget() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            for (int error = 0; error < 6; error++) {
                service.recordError("digest skipped: no new roles");
            }

            JsonNode report = run(service, "2026-11-24T05:30:00Z");

            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "WARNED", "WARNED",
                    "PASSED", "PASSED", "WARNED");
            assertThat(report.get("steps").get(5).get("message").asText()).contains("errors_last_hour", "6");
        }
    }

    @Test
    void theClockCannotBeSetOutsideARehearsal() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            Map<String, String> parameters = parameters(service, "2026-11-24T05:30:00Z", false);

            RunbookReports.execute(AirDemandDailyMonitoring.class, workDir, parameters)
                    .containerEvents().assertThatEvents().anySatisfy(event -> assertThat(event.getPayload(
                            org.junit.platform.engine.TestExecutionResult.class)).hasValueSatisfying(result ->
                                    assertThat(result.getThrowable()).hasValueSatisfying(thrown ->
                                            assertThat(thrown).hasMessageContaining("runbook.clock [2026-11-24T05:30:00Z] "
                                                    + "dates the run by hand and is only allowed in a rehearsal "
                                                    + "environment, but [local] is not one"))));
            assertThat(workDir.resolve("ledger")).doesNotExist();
        }
    }

    private JsonNode run(AirDemandService service, String at) throws IOException {
        return RunbookReports.run(AirDemandDailyMonitoring.class, "air-demand-daily-monitoring", workDir,
                parameters(service, at, true));
    }

    private Map<String, String> parameters(AirDemandService service, String at, boolean rehearsal) throws IOException {
        Path config = RunbookReports.config(workDir, "environments:\n  local:\n"
                + (rehearsal ? "    rehearsal: true\n" : "") + "    endpoints:\n      api: \"" + service.baseUri() + "\"\n"
                + "      dashboard: \"" + service.baseUri() + "/dashboard\"\n");
        return RunbookReports.withLedger(workDir, Map.of("runbook.config", config.toString(), "runbook.clock", at));
    }
}
