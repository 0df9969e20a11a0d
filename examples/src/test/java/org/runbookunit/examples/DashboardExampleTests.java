package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.platform.testkit.engine.EngineTestKit;
import org.runbookunit.examples.airdemand.AirDemandService;
import org.runbookunit.testing.TestBrowser;

/** The dashboard runbook against the sample service on a free loopback port, in a real headless Chromium. */
class DashboardExampleTests {

    private static final String PASSWORD = "example-dashboard-password";

    private final Path workDir = Path.of("target", "example-runs", UUID.randomUUID().toString()).toAbsolutePath();

    @BeforeEach
    void needsABrowser() {
        TestBrowser.shared();
    }

    @Test
    void theDashboardRunbookIsGoAgainstAHealthyServiceWithScreenshotsInTheReport() throws IOException {
        try (AirDemandService service = AirDemandService.start(0, SampleFaults.roleStore(""), null, PASSWORD)) {
            EngineExecutionResults results = run(service);

            results.testEvents().assertStatistics(stats -> stats.started(11).succeeded(11));
            JsonNode report = report();
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
            run(service);

            JsonNode report = report();
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

    private EngineExecutionResults run(AirDemandService service) throws IOException {
        Files.createDirectories(workDir);
        Path config = Files.writeString(workDir.resolve("runbook.yaml"), "environments:\n  local:\n    endpoints:\n"
                + "      api: \"" + service.baseUri() + "\"\n      dashboard: \"" + service.baseUri() + "/dashboard\"\n"
                + "    properties:\n      dashboard-password: \"${EXAMPLE_DASHBOARD_PASSWORD:-" + PASSWORD + "}\"\n");
        return EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false)
                .configurationParameters(Map.of("runbook.config", config.toString(),
                        "runbook.reports.dir", workDir.resolve("reports").toString()))
                .selectors(selectClass(AirDemandDashboardValidation.class)).execute();
    }

    private Path reportDir() {
        return workDir.resolve("reports/air-demand-dashboard-validation");
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(reportDir().resolve("report.json").toFile());
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
