package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Seed 004's performance tests against stand-ins of its auth and agents APIs, rehearsed at windows-scale 0.01. */
class LoadExampleTests {

    private final Path workDir = Path.of("target", "example-runs", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void healthyApisAreGoWithEveryProbeDrawnInTheReport() throws IOException {
        try (TemponestApis apis = TemponestApis.start()) {
            JsonNode report = run(apis);

            assertThat(report.get("verdict").asText()).isEqualTo("GO");
            assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "PASSED", "PASSED");
            JsonNode auth = probe("1-01-load-auth-api.json");
            assertThat(auth.get("duration").asText()).isEqualTo("5m");
            assertThat(auth.get("scaledMs").asLong()).isEqualTo(3000);
            assertThat(auth.get("requests").asLong()).isGreaterThan(100);
            assertThat(probe("3-01-load-agents-api-100-vus.json").get("rampUp").asText()).isEqualTo("1m");
            assertThat(Files.readString(reportDir().resolve("report.html"))).contains("<h2>Load probes</h2>");
        }
    }

    @Test
    void aSlowAgentsApiIsNoGoNamingItsP95AndThroughput() throws IOException {
        try (TemponestApis apis = TemponestApis.withSlowAgents(Duration.ofMillis(600))) {
            JsonNode report = run(apis);

            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            assertThat(report.get("steps").findValuesAsText("outcome")).containsExactly("PASSED", "FAILED", "BLOCKED");
            assertThat(report.get("steps").get(1).get("message").asText())
                    .startsWith("load probe [agents api] broke 2 thresholds (")
                    .containsPattern("p\\(95\\): budget < 500ms, measured \\d+\\.\\d ms")
                    .contains("throughput: budget >= 100.0 req/s, measured ");
        }
    }

    private JsonNode run(TemponestApis apis) throws IOException {
        Path config = RunbookReports.config(workDir, "environments:\n  local:\n"
                + "    rehearsal: true\n    windows-scale: 0.01\n    endpoints:\n"
                + "      auth-api: \"" + apis.authUri() + "\"\n      agents-api: \"" + apis.agentsUri() + "\"\n"
                + "    properties: { baseline-rps: \"100\" }\n");
        return RunbookReports.run(AgenticStagingPerformance.class, "agentic-staging-performance", workDir,
                Map.of("runbook.config", config.toString()));
    }

    private Path reportDir() {
        return workDir.resolve("reports/agentic-staging-performance");
    }

    private JsonNode probe(String file) throws IOException {
        return new ObjectMapper().readTree(reportDir().resolve("evidence").resolve(file).toFile());
    }
}
