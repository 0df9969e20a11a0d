package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.examples.airdemand.AirDemandService;
import org.runbookunit.testing.NpmProject;
import org.runbookunit.testing.RequiredTool;

/** Seed 001's full test suite: the sample dashboard's real Playwright project, 40 of 48 passing, is GO but WARNED. */
class SuitesExampleTests {

    private static final Path PROJECT = Path.of("src/test/resources/seed001/dashboard-e2e").toAbsolutePath();

    private final Path workDir = Path.of("target", "example-runs", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void theFullSuiteAtFortyOfFortyEightIsGoWithTheEightFailuresListed() throws IOException {
        RequiredTool.require("npm", "install nodejs and npm (apt-get install nodejs npm)", "npm", "--version");
        RequiredTool.require("chromium", "install Debian's Chromium (apt-get install chromium)", "/usr/bin/chromium",
                "--version");
        Path project = NpmProject.install(PROJECT, workDir.resolve("dashboard-e2e"));
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""))) {
            Path config = RunbookReports.config(workDir, "environments:\n  local:\n    endpoints:\n"
                    + "      dashboard: \"" + service.baseUri() + "/dashboard\"\n"
                    + "    properties: { dashboard-e2e: \"" + project + "\" }\n");
            JsonNode report = RunbookReports.run(AirDemandFullTestSuite.class, "air-demand-full-test-suite", workDir,
                    Map.of("runbook.config", config.toString()));

            Path reportDir = workDir.resolve("reports/air-demand-full-test-suite");
            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(report.get("steps").get(0).get("outcome").asText()).isEqualTo("WARNED");
            JsonNode suite = new ObjectMapper().readTree(reportDir.resolve("evidence/1-02-suite-dashboard-e2e.json").toFile());
            assertThat(suite.get("summary").asText()).isEqualTo("40/48 passed (83.3 %), 0 skipped");
            assertThat(suite.get("failures").findValuesAsText("name")).hasSize(8)
                    .allMatch(name -> name.startsWith("dashboard "));
        }
    }
}
