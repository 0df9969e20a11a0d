package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.examples.airdemand.AirDemandService;

class ExampleRunbookTests {

    private static final String STAGING = "air-demand-staging-validation";
    private static final String CUTOVER = "air-demand-production-cutover";
    private final Path workDir = Path.of("target", "example-runs", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void theStagingValidationIsGoAgainstAHealthyService() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            EngineExecutionResults results = run(service);

            results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
            assertThat(RunbookReports.report(workDir, STAGING, results).get("verdict").asText()).isEqualTo("GO");
        }
    }

    @Test
    void aDownDatabaseIsNoGoWithEveryLaterStepBlocked() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore("database-down"))) {
            EngineExecutionResults results = run(service);

            results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1).skipped(4));
            JsonNode report = RunbookReports.report(workDir, STAGING, results);
            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            assertThat(report.get("steps").findValuesAsText("outcome"))
                    .containsExactly("PASSED", "FAILED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED");
            assertThat(report.get("reasons").get(0).asText())
                    .startsWith("1.2 Database connected, latency under 250 ms FAILED: GET api /health/db → 503")
                    .contains("status: expected [200] but was [503]",
                            "json [database]: expected [\"connected\"] but was [\"disconnected\"]");
        }
    }

    @Test
    void recordedErrorsAreAWarningNotANoGo() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            SampleFaults.inject(service, "errors");

            JsonNode report = RunbookReports.report(workDir, STAGING, run(service));

            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(report.get("warnings").get(0).asText())
                    .startsWith("1.4 No errors recorded WARNED (MAJOR): GET api /monitoring/errors → 200")
                    .contains("json [total_errors]: expected [0] but was [1]");
        }
    }

    @Test
    void theCutoverIsARehearsalLocallyAndAReadOnlySmokeRunInProduction() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""), "test-admin-token")) {
            String yaml = "environments:\n  local:\n    endpoints: { api: \"" + service.baseUri() + "\" }\n"
                    + "    properties: { admin-token: test-admin-token, new-origin: \"http://app.airdemand.example:3000\","
                    + " old-origin: \"http://old-prod.airdemand.example:3000\" }\n"
                    + "  production:\n    read-only: true\n    endpoints: { api: \"" + service.baseUri() + "\" }\n"
                    + "    properties: { admin-token: \"\", new-origin: \"http://app.airdemand.example:3000\","
                    + " old-origin: \"http://old-prod.airdemand.example:3000\" }\n";

            String config = RunbookReports.config(workDir, yaml).toString();
            JsonNode production = RunbookReports.run(AirDemandProductionCutover.class, CUTOVER, workDir,
                    Map.of("runbook.config", config, "runbook.env", "production"));
            JsonNode local = RunbookReports.run(AirDemandProductionCutover.class, CUTOVER, workDir,
                    Map.of("runbook.config", config));

            assertThat(production.get("steps").findValuesAsText("outcome")).containsExactly(
                    "PASSED", "PASSED", "SKIPPED", "SKIPPED", "SKIPPED", "FAILED", "BLOCKED", "BLOCKED", "BLOCKED",
                    "BLOCKED");
            assertThat(production.get("steps").get(2).get("message").asText())
                    .startsWith("refused in read-only environment [production]");
            assertThat(production.get("reasons").get(0).asText()).contains(
                    "json [environment]: expected [\"production\"] but was [\"staging\"]");
            assertThat(local.get("verdict").asText()).isEqualTo("GO");
            assertThat(local.get("steps").findValuesAsText("outcome")).containsExactly(
                    "PASSED", "PASSED", "PASSED", "PASSED", "PASSED", "PASSED", "PASSED", "PASSED", "SKIPPED", "SKIPPED");
        }
    }

    private EngineExecutionResults run(AirDemandService service) throws IOException {
        Path config = RunbookReports.config(workDir,
                "environments:\n  local:\n    endpoints:\n      api: \"" + service.baseUri() + "\"\n");
        return RunbookReports.execute(AirDemandStagingValidation.class, workDir,
                Map.of("runbook.config", config.toString()));
    }
}
