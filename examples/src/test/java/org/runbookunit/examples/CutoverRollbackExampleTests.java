package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.examples.airdemand.AirDemandService;

/** Seed 001's cutover rehearsed against two sample services: a cutover that fails on purpose is rolled back. */
class CutoverRollbackExampleTests {

    private static final String TOKEN = "rehearsal-admin-token";
    private final Path workDir = Path.of("target", "cutover-rollback", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void aCutoverWhoseSmokeTestFailsIsRolledBackAndTheRollbackIsVerified() throws Exception {
        try (AirDemandService old = AirDemandService.start(0, SampleFaults.roleStore(""), TOKEN);
                AirDemandService broken = AirDemandService.start(0, SampleFaults.roleStore("roles-down"), TOKEN)) {
            JsonNode report = run(old, broken);

            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            assertThat(report.get("steps").findValuesAsText("outcome"))
                    .containsExactly("PASSED", "PASSED", "FAILED", "PASSED", "PASSED");
            assertThat(report.get("rollback").get("summary").asText()).isEqualTo("Rollback verified");
            assertThat(report.get("reasons").get(0).asText()).startsWith("4.1 Roles served by the new production (~747) "
                    + "FAILED: GET api /demand/roles?limit=5 → 500");
            assertThat(environmentOf(broken)).isEqualTo("staging");
            assertThat(Files.readString(workDir.resolve("reports/air-demand-cutover-with-rollback/report.md")))
                    .contains("| Rollback | **Rollback verified** |");
        }
    }

    @Test
    void aCutoverThatHoldsLeavesTheRollbackSkippedAndTheNewProductionOnProduction() throws Exception {
        try (AirDemandService old = AirDemandService.start(0, SampleFaults.roleStore(""), TOKEN);
                AirDemandService healthy = AirDemandService.start(0, SampleFaults.roleStore(""), TOKEN)) {
            JsonNode report = run(old, healthy);

            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(report.get("steps").findValuesAsText("outcome"))
                    .containsExactly("PASSED", "PASSED", "PASSED", "SKIPPED", "SKIPPED");
            assertThat(report.get("steps").get(3).get("message").asText()).isEqualTo("no failure to roll back");
            assertThat(environmentOf(healthy)).isEqualTo("production");
        }
    }

    private JsonNode run(AirDemandService old, AirDemandService current) throws IOException {
        Path config = RunbookReports.config(workDir, "environments:\n  local:\n    rehearsal: true\n"
                + "    windows-scale: 0.005\n    endpoints:\n      api: \"" + current.baseUri() + "\"\n      old-api: \""
                + old.baseUri() + "\"\n    properties:\n      admin-token: " + TOKEN + "\n");
        return RunbookReports.run(AirDemandCutoverRollback.class, "air-demand-cutover-with-rollback", workDir,
                RunbookReports.withLedger(workDir, Map.of("runbook.config", config.toString())));
    }

    /** Read the service's configured environment the way an operator would, over its admin API. */
    private static String environmentOf(AirDemandService service) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create(service.baseUri() + "/admin/config")).timeout(Duration.ofSeconds(5))
                        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).get("environment").asText();
    }
}
