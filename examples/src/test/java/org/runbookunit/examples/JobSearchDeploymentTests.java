package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.examples.hosts.JobSearchHostStack;
import org.runbookunit.testing.SshServer;

/**
 * Seed 002's deployment against the rehearsed JobSearchAI host: GO when the release is sound; NO-GO when the release's
 * schema upgrade loses job matches, with the SQLite backup restored and verified by the rollback.
 */
class JobSearchDeploymentTests {

    private static final String ID = "jobsearchai-deployment";
    private final Path workDir = Path.of("target", "jobsearch-runs", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void theDeploymentIsGoAgainstTheRehearsedHost() throws IOException {
        SshServer.requireSshd();
        Map<String, String> attest = new HashMap<>(attestations());
        attest.put("runbook.attest." + ID + ".6.2", "Jane Doe (dev): 1 JSON file migrated, search term 'data engineer', "
                + "CV cv/cv_2025.pdf, errors 0");

        JsonNode report = RunbookReports.run(JobSearchDeployment.class, ID, workDir,
                RunbookReports.withLedger(workDir, attest));

        assertThat(report.get("verdict").asText()).isEqualTo("GO");
        Map<String, String> outcomes = outcomes(report);
        assertThat(outcomes).containsEntry("1.1", "PASSED").containsEntry("3.1", "PASSED")
                .containsEntry("4.1", "PASSED").containsEntry("5.2", "PASSED").containsEntry("6.2", "PASSED").containsEntry("7.1", "PASSED")
                .containsEntry("10.2", "PASSED").containsEntry("10.4", "PASSED").containsEntry("10.5", "PASSED")
                .containsEntry("11.3", "PASSED").containsEntry("13.1", "PASSED").containsEntry("14.1", "PASSED")
                .containsEntry("14.2", "PASSED").containsEntry("14.3", "PASSED").containsEntry("99.2", "SKIPPED");
        assertThat(outcomes.get("8.1")).isIn("PASSED", "WARNED"); // a latency budget: a loaded machine only warns
        // the first run has no earlier throughput to compare with, so the probe warns; its error rate still gates
        assertThat(outcomes.get("11.2")).isEqualTo("WARNED");
        assertThat(outcomes.values()).doesNotContain("FAILED", "BLOCKED", "PENDING");
    }

    @Test
    void aReleaseLosingJobMatchesIsNoGoAndTheBackupIsRestored() throws Exception {
        SshServer.requireSshd();
        try (JobSearchHostStack stack = new JobSearchHostStack()) {
            stack.start();
            stack.shipReleaseLosingRows();
            Map<String, String> attest = new HashMap<>(attestations());
            attest.put("runbook.attest." + ID + ".99.5", "Jane Doe (dev): stakeholders told, redeploy planned");

            JsonNode report = RunbookReports.run(JobSearchDeployment.class, ID, workDir, "environments:\n  faulty:\n"
                    + stack.environmentYaml(), "faulty", RunbookReports.withLedger(workDir, attest));

            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            Map<String, String> outcomes = outcomes(report);
            assertThat(outcomes).containsEntry("5.1", "PASSED").containsEntry("7.1", "FAILED").containsEntry("99.1",
                    "PASSED").containsEntry("99.2", "PASSED").containsEntry("99.3", "PASSED").containsEntry("99.4",
                    "PASSED").containsEntry("99.5", "PASSED");
            assertThat(report.get("reasons").get(0).asText()).contains("7.1", "exit code");
        }
    }

    /** Return what the operators attest in every run: the communication, the gates, the scrape, the monitoring. */
    private static Map<String, String> attestations() {
        String key = "runbook.attest." + ID + ".";
        return Map.of(key + "1.1", "Jane Doe (dev): window 2025-11-02 13:00-13:30 announced, on-call briefed",
                key + "1.2", "Jane Doe (dev): CI run 4711 of the release green, API calls -92 %, pages -74 %, load ok",
                key + "10.3", "Jane Doe (dev): test scrape re-run, 0 duplicates, early exit after page 1",
                key + "12.1", "Jane Doe (dev): week watched, error rate 0.2 %, P95 41 ms, API calls -93 %",
                key + "12.2", "Jane Doe (dev): the six alerts set up in monitoring",
                key + "13.1", "Jane Doe (dev): report reviewed, every deployment step passed, deployment signed off");
    }

    private static Map<String, String> outcomes(JsonNode report) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        report.get("steps").forEach(step -> outcomes.put(step.get("id").asText(), step.get("outcome").asText()));
        return outcomes;
    }
}
