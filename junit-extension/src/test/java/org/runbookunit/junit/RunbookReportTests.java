package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.testing.LoopbackServer;

class RunbookReportTests {

    private final LoopbackServer server = LoopbackServer.start()
            .json("/health", 200, "{\"status\":\"healthy\",\"version\":\"0.9.0\"}");

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aGoRunWritesTheSignOffReportWithEvidenceAndAManifest() throws IOException {
        RunbookKit kit = RunbookKit.withApi(server.uri());

        EngineExecutionResults results = kit.run(GoFixture.class);

        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(RunbookKit.runbookClass(GoFixture.class), finishedSuccessfully()));
        Path dir = kit.reportDir("staging-sign-off");
        assertThat(Files.readString(dir.resolve("report.md")))
                .contains("# Runbook: staging sign-off", "| Verdict | **GO** |", "| Environment | local |",
                        "| 1.1 | Health | API /health returns healthy | CRITICAL | ✔ PASSED |",
                        "[GET api /health 200](evidence/1.1-01-get-api-health-200.http)",
                        "[deploy notes](evidence/1.2-01-deploy-notes.txt)");
        assertThat(Files.readString(dir.resolve("evidence/1.1-01-get-api-health-200.http")))
                .startsWith("GET " + server.uri() + "/health\n")
                .contains("HTTP/1.1 200 OK", "{\"status\":\"healthy\",\"version\":\"0.9.0\"}");
        assertThat(Files.readString(dir.resolve("evidence/1.2-01-deploy-notes.txt"))).isEqualTo("deployed to local");
        assertManifestMatchesEveryFile(dir);
    }

    @Test
    void reportJsonFollowsTheDocumentedSchema() {
        RunbookKit kit = RunbookKit.withApi(server.uri());

        kit.run(GoFixture.class);

        JsonNode report = kit.reportJson("staging-sign-off");
        assertThat(report.fieldNames()).toIterable().containsExactly("schema", "runbook", "environment", "config",
                "configSha256", "commit", "runBy", "startedAt", "finishedAt", "durationMs", "verdict", "rollback", "reasons",
                "warnings", "summary", "steps", "notRun", "runEvidence");
        assertThat(report.get("schema").asText()).isEqualTo("runbookunit-report/1");
        assertThat(report.get("runbook").get("id").asText()).isEqualTo("staging-sign-off");
        assertThat(report.get("configSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(report.get("commit").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(report.get("runBy").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(report.get("summary").get("passed").asInt()).isEqualTo(2);
        assertThat(report.get("summary").get("planned").asInt()).isEqualTo(2);
        JsonNode step = report.get("steps").get(0);
        assertThat(step.fieldNames()).toIterable().containsExactly("id", "phase", "title", "severity", "outcome",
                "startedAt", "durationMs", "message", "evidence", "attestation", "waiver");
        assertThat(step.get("evidence").get(0).get("path").asText()).isEqualTo("evidence/1.1-01-get-api-health-200.http");
    }

    private static void assertManifestMatchesEveryFile(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("manifest.sha256"));
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count() - 1).isEqualTo(lines.size());
        }
        assertThat(lines).extracting(line -> line.substring(66)).contains("report.md", "report.json");
        for (String line : lines) {
            assertThat(sha256(dir.resolve(line.substring(66)))).as(line).isEqualTo(line.substring(0, 64));
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new AssertionError(impossible);
        }
    }

    @Runbook(value = "staging sign-off")
    static class GoFixture {
        @Nested
        @Phase(order = 1, value = "Health")
        class Health {
            @Step(order = 1, value = "API /health returns healthy")
            void health(Http http) {
                http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
            }

            @Step(order = 2, value = "Deploy notes recorded")
            void notes(Evidence evidence, RunbookEnvironment environment) {
                evidence.text("deploy notes", "deployed to " + environment.name());
            }
        }
    }
}
