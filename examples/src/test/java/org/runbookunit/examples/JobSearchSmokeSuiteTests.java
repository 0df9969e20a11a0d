package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.RequiredTool;
import org.runbookunit.testing.SshServer;

/** Seed 002's smoke tests, the sample JobSearchAI's own pytest suite, run on the rehearsed host over SSH: GO. */
class JobSearchSmokeSuiteTests {

    private final Path workDir = Path.of("target", "jobsearch-smoke", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void theSystemsOwnSmokeTestsPassOnTheHost() throws IOException {
        SshServer.requireSshd();
        RequiredTool.require("pytest", "install it with apt-get install python3-pytest (the host's sessions use "
                + "/usr/bin/python3)", "/usr/bin/python3", "-m", "pytest", "--version");

        JsonNode report = RunbookReports.run(JobSearchSmokeSuite.class, "jobsearchai-smoke-tests", workDir,
                RunbookReports.withLedger(workDir, Map.of()));

        Path reportDir = workDir.resolve("reports/jobsearchai-smoke-tests");
        assertThat(report.get("verdict").asText()).as(report.toPrettyString()).isEqualTo("GO");
        assertThat(report.get("steps").get(0).get("outcome").asText()).isEqualTo("PASSED");
        JsonNode suite = new ObjectMapper().readTree(evidence(reportDir, "suite-smoke.json").toFile());
        assertThat(suite.get("host").asText()).isEqualTo("jobsearch");
        assertThat(suite.get("summary").asText()).isEqualTo("5/5 passed (100.0 %), 0 skipped");
        assertThat(Files.readString(evidence(reportDir, "suite-smoke-report.xml")))
                .contains("test_dashboard_shows_the_job_matches", "test_matches_need_a_login");
    }

    private static Path evidence(Path reportDir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(reportDir.resolve("evidence"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no evidence ending in " + suffix));
        }
    }
}
