package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runbookunit.examples.RunbookReports.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.rehearsal.StackBinding;

/**
 * Seed 003's runbook against a copy of its stack with one service broken on purpose, or with a deployment folder whose
 * {@code .env.staging} leaves a compose variable unset: the copy runs as environment {@code broken-copy} (or
 * {@code local}), not a rehearsal, so the runbook starts nothing and checks what is there.
 */
class SignalHarvesterRunbookTests {

    private final Path workDir = Path.of("target", "signal-harvester-runs", UUID.randomUUID().toString()).toAbsolutePath();
    private SignalHarvesterStack stack;
    private StackBinding binding;

    @BeforeEach
    void start() {
        stack = new SignalHarvesterStack();
        binding = stack.start();
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void anApiThatIsDownIsNoGo() throws IOException {
        stack.stop("harvester-api");

        JsonNode report = run();

        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(outcome(report, "2.1")).isEqualTo("FAILED");
        assertThat(outcome(report, "3.2")).isEqualTo("BLOCKED");
        assertThat(outcome(report, "6.1")).isEqualTo("BLOCKED");
        assertThat(report.get("reasons").get(0).asText()).startsWith("2.1 /health/ready is healthy on PostgreSQL and Redis "
                + "FAILED").contains("Connection refused");
    }

    @Test
    void aRedisThatIsDownMakesTheHealthChecksFailAndIsNoGo() throws IOException {
        stack.stop("redis");

        JsonNode report = run();

        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(outcome(report, "1.3")).isEqualTo("PASSED");
        assertThat(outcome(report, "2.1")).isEqualTo("FAILED");
        assertThat(report.get("reasons").get(0).asText()).contains("status: expected [200] but was [503]",
                "json [status]: expected [\"healthy\"] but was [\"unhealthy\"]");
    }

    @Test
    void anEnvFileThatLeavesAComposeVariableUnsetIsNoGoAndTheStackStaysHealthy() throws IOException {
        Path home = Files.createDirectories(workDir.resolve("harvester-home"));
        Files.copy(RunnerHost.resource("seed003/docker-compose.staging.yml"), home.resolve("docker-compose.staging.yml"));
        Files.write(home.resolve(".env.staging"), Files.readAllLines(RunnerHost.resource("seed003/.env.staging")).stream()
                .filter(line -> !line.startsWith("TLS_MODE=")).toList());

        JsonNode report = run(home, "local"); // named local, not a rehearsal: Grafana's staging-only steps skip

        assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(outcome(report, "2.1")).isEqualTo("PASSED");
        assertThat(outcome(report, "3.5")).isEqualTo("PASSED");
        assertThat(outcome(report, "8.1")).isEqualTo("FAILED");
        assertThat(outcome(report, "8.2")).isEqualTo("BLOCKED");
        assertThat(report.get("reasons").get(0).asText()).startsWith("8.1 ").contains("TLS_MODE", "variable is not set");
    }

    private JsonNode run() throws IOException {
        return run(RunnerHost.resource("seed003"), "broken-copy");
    }

    private JsonNode run(Path harvesterHome, String environment) throws IOException {
        DatabaseSettings db = binding.database().orElseThrow();
        String yaml = "environments:\n  " + environment + ":\n    windows-scale: 0.005\n    ignore-https-errors: true\n"
                + "    endpoints:\n" + RunbookReports.endpointLines(binding) + "\n    database: { url: \"" + db.url()
                + "\", user: \"" + db.user() + "\", password: \"" + db.password() + "\" }\n    hosts:\n"
                + "      harvester: { local: true }\n"
                + "    properties:\n      harvester-home: \"" + harvesterHome + "\"\n"
                + "      harvester-api-key: \"${HARVEST_API_KEY:-rehearsal-only-api-key}\"\n";
        return RunbookReports.run(SignalHarvesterStagingValidation.class, "signal-harvester-staging-validation", workDir,
                yaml, environment, Map.of());
    }
}
