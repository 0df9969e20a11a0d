package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runbookunit.examples.RunbookReports.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.runbookunit.rehearsal.StackBinding;

/**
 * Seed 003's container runbook against a deployment broken on purpose — the API left off the monitoring network — run
 * as environment {@code broken-copy} (not a rehearsal: the runbook brings up what the folder says), then the stack
 * taken down: nothing of its compose project is left on the engine.
 */
class SignalHarvesterContainerTests {

    private final Path workDir = Path.of("target", "signal-harvester-runs", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void anApiOffTheMonitoringNetworkIsNoGoAndNothingOfTheStackIsLeftAfterwards() throws Exception {
        SignalHarvesterContainers stack = new SignalHarvesterContainers(workDir.resolve("stack"));
        String project;
        try {
            StackBinding binding = stack.start();
            project = stack.project();
            Path compose = stack.folder().resolve("docker-compose.staging.yml");
            String intact = Files.readString(compose);
            String broken = intact.replace("    networks: [app, monitoring]\n", "    networks: [app]\n");
            assertThat(broken).as("the API's networks line in the compose file").isNotEqualTo(intact);
            Files.writeString(compose, broken);

            JsonNode report = run(binding, stack.folder());

            assertThat(report.get("verdict").asText()).isEqualTo("NO-GO");
            assertThat(outcome(report, "1.1")).isEqualTo("PASSED");
            assertThat(outcome(report, "1.2")).isEqualTo("PASSED");
            assertThat(outcome(report, "2.1")).isEqualTo("PASSED");
            assertThat(outcome(report, "2.2")).isEqualTo("FAILED");
            assertThat(outcome(report, "2.3")).isIn("FAILED", "BLOCKED");
            assertThat(report.get("reasons").get(0).asText()).startsWith("2.2 ").contains("signal-harvester");
        } finally {
            stack.close();
        }
        assertThat(docker("ps", "-a", "-q", "--filter", "label=com.docker.compose.project=" + project))
                .as("containers of " + project).isEmpty();
        assertThat(docker("network", "ls", "-q", "--filter", "name=" + project)).as("networks of " + project).isEmpty();
        assertThat(docker("images", "-q", "--filter", "reference=" + project + "*")).as("images of " + project).isEmpty();
        assertThat(docker("images", "-q", "--filter", "label=org.runbookunit.build-stage-of=" + project))
                .as("build-stage images of " + project).isEmpty();
    }

    private JsonNode run(StackBinding binding, Path home) throws IOException {
        String yaml = "environments:\n  broken-copy:\n    windows-scale: 0.005\n    endpoints:\n"
                + RunbookReports.endpointLines(binding)
                + "\n    hosts:\n      harvester: { local: true }\n    properties:\n      harvester-stack-home: \"" + home
                + "\"\n";
        return RunbookReports.run(SignalHarvesterContainerValidation.class, "signal-harvester-staging-containers", workDir,
                yaml, "broken-copy", Map.of());
    }

    /** Run a docker command within 30 s (its output to a file, so a full pipe cannot hang it) and return its lines. */
    private List<String> docker(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(workDir, "docker-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 30 s");
        }
        String output = Files.readString(log).strip();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output.isEmpty() ? List.of() : List.of(output.split("\n"));
    }
}
