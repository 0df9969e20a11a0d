package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.examples.airdemand.AirDemandService;
import org.runbookunit.testing.TestBrowser;

/** The dashboard runbook against the sample service on a free loopback port, in a real headless Chromium. */
class DashboardExampleTests {

    private static final String PASSWORD = "example-dashboard-password";
    private static final String ID = "air-demand-dashboard-validation";

    private final Path workDir = Path.of("target", "example-runs", UUID.randomUUID().toString()).toAbsolutePath();

    @BeforeEach
    void needsABrowser() {
        TestBrowser.shared();
    }

    @Test
    void theDashboardRunbookIsGoAgainstAHealthyServiceWithScreenshotsInTheReport() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""), null, PASSWORD)) {
            EngineExecutionResults results = RunbookReports.execute(AirDemandDashboardValidation.class, workDir,
                    config(service));

            results.testEvents().assertStatistics(stats -> stats.started(11).succeeded(11));
            JsonNode report = RunbookReports.report(workDir, ID, results);
            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(report.get("steps").findValuesAsText("path")).contains(
                    "evidence/2.1-01-paraform-roles.png", "evidence/3.2-01-last-7-days.png");
            String html = Files.readString(reportDir().resolve("report.html"));
            assertThat(html).contains("<h2>Screenshots</h2>").containsPattern("src=\"data:image/png;base64,");
            assertThat(allReportText()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aFailingRolesApiIsNoGoWithAScreenshotAndATraceOfTheFailedStep() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore("roles-down"), null, PASSWORD)) {
            JsonNode report = RunbookReports.run(AirDemandDashboardValidation.class, ID, workDir, config(service));

            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            JsonNode failed = report.get("steps").get(2);
            assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
            assertThat(failed.get("message").asText()).contains("visible: expected an element matching [#roles tbody tr]");
            assertThat(failed.get("evidence").findValuesAsText("path")).contains("evidence/2.1-02-screenshot-at-failure.png",
                    "evidence/2.1-04-playwright-trace-at-failure.zip");
            assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "FAILED",
                    "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED");
        }
    }

    private Map<String, String> config(AirDemandService service) throws IOException {
        Path config = RunbookReports.config(workDir, "environments:\n  local:\n    endpoints:\n"
                + "      api: \"" + service.baseUri() + "\"\n      dashboard: \"" + service.baseUri() + "/dashboard\"\n"
                + "    properties:\n      dashboard-password: \"${EXAMPLE_DASHBOARD_PASSWORD:-" + PASSWORD + "}\"\n");
        return Map.of("runbook.config", config.toString());
    }

    private Path reportDir() {
        return workDir.resolve("reports").resolve(ID);
    }

    private String allReportText() throws IOException {
        try (Stream<Path> files = Files.walk(reportDir())) {
            List<Path> regular = files.filter(Files::isRegularFile).filter(file -> !file.toString().endsWith(".zip")).toList();
            StringBuilder text = new StringBuilder();
            for (Path file : regular) {
                text.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            return text.toString();
        }
    }
}
