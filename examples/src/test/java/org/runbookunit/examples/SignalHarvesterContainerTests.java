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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
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
        String endpoints = binding.endpoints().entrySet().stream()
                .map(endpoint -> "      " + endpoint.getKey() + ": \"" + endpoint.getValue() + "\"")
                .collect(Collectors.joining("\n"));
        String yaml = "environments:\n  broken-copy:\n    windows-scale: 0.005\n    endpoints:\n" + endpoints
                + "\n    hosts:\n      harvester: { local: true }\n    properties:\n      harvester-stack-home: \"" + home
                + "\"\n";
        Path config = Files.writeString(workDir.resolve("runbook.yaml"), yaml);
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false)
                .configurationParameters(Map.of("runbook.config", config.toString(), "runbook.env", "broken-copy",
                        "runbook.reports.dir", workDir.resolve("reports").toString()))
                .selectors(selectClass(SignalHarvesterContainerValidation.class)).execute();
        Path report = workDir.resolve("reports/signal-harvester-staging-containers/report.json");
        if (!Files.exists(report)) {
            throw new AssertionError("the runbook wrote no report: " + results.allEvents().failed().stream()
                    .map(event -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                            .map(Throwable::toString).orElse("?")).toList());
        }
        return new ObjectMapper().readTree(report.toFile());
    }

    private static String outcome(JsonNode report, String id) {
        for (JsonNode step : report.get("steps")) {
            if (step.get("id").asText().equals(id)) {
                return step.get("outcome").asText();
            }
        }
        throw new AssertionError("no step " + id + " in " + report.get("steps"));
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
