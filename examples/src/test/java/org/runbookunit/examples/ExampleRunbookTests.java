package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.runbookunit.examples.airdemand.AirDemandService;

class ExampleRunbookTests {

    private final Path workDir = Path.of("target", "example-runs", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void theStagingValidationIsGoAgainstAHealthyService() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            EngineExecutionResults results = run(service);

            results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
            assertThat(report().get("verdict").asText()).isEqualTo("GO");
        }
    }

    @Test
    void aDownDatabaseIsNoGoWithEveryLaterStepBlocked() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore("database-down"))) {
            EngineExecutionResults results = run(service);

            results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1).skipped(4));
            JsonNode report = report();
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

            run(service);

            JsonNode report = report();
            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(report.get("warnings").get(0).asText())
                    .startsWith("1.4 No errors recorded WARNED (MAJOR): GET api /monitoring/errors → 200")
                    .contains("json [total_errors]: expected [0] but was [1]");
        }
    }

    private EngineExecutionResults run(AirDemandService service) throws IOException {
        Files.createDirectories(workDir);
        Path config = Files.writeString(workDir.resolve("runbook.yaml"),
                "environments:\n  local:\n    endpoints:\n      api: \"" + service.baseUri() + "\"\n");
        return EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false)
                .configurationParameters(Map.of("runbook.config", config.toString(),
                        "runbook.reports.dir", workDir.resolve("reports").toString()))
                .selectors(selectClass(AirDemandStagingValidation.class)).execute();
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(workDir.resolve("reports/air-demand-staging-validation/report.json").toFile());
    }
}
