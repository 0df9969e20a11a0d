package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.examples.airdemand.AirDemandService;

/**
 * The post-cutover monitoring runbook against the local sample service: its manual steps hold the gate until the
 * people named attest them for this runbook, as an operator does after the run, never by a file wired into the build.
 */
class MonitoringExampleTests {

    private static final String ID = "air-demand-post-cutover-monitoring";

    private final Path workDir = Path.of("target", "monitoring-example", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void withoutTheSignOffTheRunHoldsAndNamesWhatIsMissing() throws IOException {
        JsonNode report = run(Map.of(
                "runbook.attest." + ID + ".5.2", "Rich Roberts (DevOps): powered off, not destroyed",
                "runbook.attest." + ID + ".9.1.tech-lead", "Jane Doe",
                "runbook.attest.another-runbook.9.1.qa-lead", "Somebody Else"));

        assertThat(report.get("verdict").asText()).isEqualTo("HOLD");
        assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "PASSED",
                "PASSED", "PENDING");
        assertThat(report.get("reasons").toString()).contains("PENDING: manual step waits for attestation by QA Lead, "
                + "DevOps (attested by Tech Lead)");
    }

    @Test
    void attestedForThisRunbookTheRunIsGo() throws IOException {
        Files.createDirectories(workDir);
        String now = Instant.now().toString();
        Path attestations = Files.writeString(workDir.resolve("attestations.yaml"), ID + ":\n"
                + "  \"5.2\":\n    by: \"Rich Roberts (DevOps)\"\n    at: \"" + now + "\"\n    note: \"powered off\"\n"
                + "  \"9.1.tech-lead\":\n    by: \"Jane Doe\"\n    at: \"" + now + "\"\n"
                + "  \"9.1.qa-lead\":\n    by: \"Sam Lee\"\n    at: \"" + now + "\"\n"
                + "  \"9.1.devops\":\n    by: \"Rich Roberts\"\n    at: \"" + now + "\"\n");

        JsonNode report = run(Map.of("runbook.attestations", attestations.toString()));

        assertThat(report.get("verdict").asText()).isEqualTo("GO");
        assertThat(report.at("/steps/4/attestation/by").asText())
                .isEqualTo("Jane Doe (Tech Lead), Sam Lee (QA Lead), Rich Roberts (DevOps)");
    }

    @Test
    void aDashboardThatStopsLoadingIsARedFlagAndNoGo() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            service.setDashboardUp(false);
            Path yaml = RunbookReports.config(workDir, "environments:\n  local:\n    rehearsal: true\n"
                    + "    windows-scale: 0.005\n    endpoints:\n      api: \"" + service.baseUri() + "\"\n"
                    + "      dashboard: \"" + service.baseUri() + "/dashboard\"\n");

            JsonNode report = run(Map.of("runbook.config", yaml.toString(), "runbook.attest." + ID + ".5.2",
                    "Rich Roberts (DevOps): powered off"));

            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "PASSED",
                    "FAILED", "BLOCKED");
            assertThat(report.get("reasons").get(0).asText()).startsWith("7.2 No red flags for an hour").contains(
                    "GET dashboard / → 502");
        }
    }

    private JsonNode run(Map<String, String> parameters) throws IOException {
        return RunbookReports.run(AirDemandPostCutoverMonitoring.class, ID, workDir, parameters);
    }
}
