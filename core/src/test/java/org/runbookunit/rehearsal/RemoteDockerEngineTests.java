package org.runbookunit.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.internal.process.ProcessRunner;
import org.runbookunit.testing.Daemon;
import org.runbookunit.testing.SecondDockerEngine;

/**
 * Rehearse on the Docker engine {@code DOCKER_HOST} names: a second, private dockerd on a loopback TCP port runs the
 * stack's container, the endpoint is bound to the host it publishes on, {@code Containers} finds the container there,
 * and the console and the report say which engine it was. An engine that does not answer fails fast, naming it.
 * Each run is a child JVM, since Testcontainers picks one engine per JVM.
 */
class RemoteDockerEngineTests {

    private static final Pattern CONTAINER = Pattern.compile("CONTAINER (\\S+)");
    private static SecondDockerEngine shared;
    private final Path folder = Path.of("target", "remote-engine", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void theStackRunsOnTheEngineDockerHostNamesAndTheReportSaysWhich() throws Exception {
        SecondDockerEngine engine = engine();
        Instant before = Instant.now().minusSeconds(1);

        ProcessResult child = runbook(engine.dockerHost(), "container");

        String output = child.stdout().text() + child.stderr().text();
        assertThat(child.exitCode()).as(output).isZero();
        assertThat(output).contains("VERDICT GO").containsPattern("ENDPOINT http://127\\.0\\.0\\.1:\\d+")
                .containsPattern("DATABASE jdbc:postgresql://127\\.0\\.0\\.1:\\d+/remote")
                .containsPattern("\\[rehearsal] PerlHealthStack ready in \\d+ ms on Docker engine "
                        + Pattern.quote(engine.dockerHost()) + " \\(DOCKER_HOST\\), ports on 127\\.0\\.0\\.1: ");
        Matcher container = CONTAINER.matcher(output);
        assertThat(container.find()).as(output).isTrue();
        String started = engine.docker("events", "--since", Long.toString(before.getEpochSecond()), "--until",
                Long.toString(Instant.now().getEpochSecond()), "--filter", "type=container", "--filter",
                "event=start", "--format", "{{.Actor.Attributes.name}} {{.Actor.Attributes.image}}");
        assertThat(started).as("containers started on the second engine")
                .contains(container.group(1) + " runbookunit/jre:17");
        assertThat(engine.docker("ps", "-aq")).as("the stack removed its container at the end").isBlank();
        Path report = folder.resolve("reports/remote-engine");
        assertThat(new ObjectMapper().readTree(report.resolve("report.json").toFile()).path("verdict").asText())
                .isEqualTo("GO");
        assertThat(Files.readString(evidence(report, "stack-engine"))).isEqualTo("the rehearsal stack ran on "
                + "Docker engine " + engine.dockerHost() + " (DOCKER_HOST), ports on 127.0.0.1\n");
    }

    @Test
    void anEngineThatDoesNotAnswerFailsFastNamingItsAddressAndTheFix() throws Exception {
        String nowhere = "tcp://127.0.0.1:" + Daemon.freePort();

        ProcessResult child = runbook(nowhere, "container");

        String output = child.stdout().text() + child.stderr().text();
        assertThat(child.exitCode()).as(output).isNotZero();
        assertThat(output).contains("rehearsal stack PerlHealthStack could not start service [db]: Docker engine ["
                + nowhere + "] named by DOCKER_HOST does not answer (ConnectException: Connection refused); start the "
                + "engine there (dockerd -H " + nowhere + "), point DOCKER_HOST at a running engine, or unset it to use "
                + "the local engine (unix:///var/run/docker.sock)").doesNotContain("VERDICT");
        assertThat(child.duration()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aComposeStackRunsThereTooThroughTheDockerCli() throws Exception {
        if (!ComposeService.available()) {
            unavailable("no compose binary (apt-get install docker-compose)");
        }
        SecondDockerEngine engine = engine();
        Path compose = Files.writeString(Files.createDirectories(folder).resolve("compose.yaml"), "services:\n"
                + "  api:\n    image: runbookunit/jre:17\n    network_mode: bridge\n    init: true\n    ports: [\"8080\"]\n"
                + "    command: [\"perl\", \"-e\", " + new ObjectMapper().writeValueAsString(
                        RemoteEngineRunbookMain.PerlHealthStack.SERVER.replace("$", "$$")) + "]\n");

        ProcessResult child = runbook(engine.dockerHost(), "compose", "-D" + RemoteEngineRunbookMain.COMPOSE_FILE
                + "=" + compose);

        String output = child.stdout().text() + child.stderr().text();
        assertThat(child.exitCode()).as(output).isZero();
        assertThat(output).contains("VERDICT GO").containsPattern("\\[rehearsal] PerlComposeStack ready in \\d+ ms on "
                + "Docker engine " + Pattern.quote(engine.dockerHost()) + " \\(DOCKER_HOST\\) through docker(-| )compose, "
                + "ports on 127\\.0\\.0\\.1: \\{api=http://127\\.0\\.0\\.1:\\d+}");
        assertThat(engine.docker("ps", "-aq")).as("compose down removed the container").isBlank();
    }

    /** Start the second engine with the airgap JRE image once for the tests that run stacks on it. */
    private static synchronized SecondDockerEngine engine() throws IOException, InterruptedException {
        if (shared == null) {
            shared = SecondDockerEngine.start();
            try {
                shared.load("runbookunit/jre:17");
                shared.load("runbookunit/postgres:15");
            } catch (IOException | RuntimeException | InterruptedException cannotLoad) {
                shared.close();
                shared = null;
                throw cannotLoad;
            }
        }
        return shared;
    }

    @AfterAll
    static void stopTheEngine() {
        if (shared != null) {
            shared.close();
        }
    }

    private static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + "; CI=true, so this test must not be skipped");
        }
        org.junit.jupiter.api.Assumptions.abort("Docker-backed test skipped: " + reason);
    }

    private ProcessResult runbook(String dockerHost, String stack, String... jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RemoteEngineRunbookMain.class.getName(),
                folder.resolve("reports").toString(), stack));
        ProcessResult result = ProcessRunner.command(command).environment(Map.of("DOCKER_HOST", dockerHost))
                .timeout(Duration.ofMinutes(2)).run();
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("child-" + stack + ".log"), result.stdout().text() + result.stderr().text());
        assertThat(result.timedOut()).as("the child JVM finished within 2 minutes").isFalse();
        return result;
    }

    private static Path evidence(Path report, String name) throws IOException {
        try (Stream<Path> files = Files.list(report.resolve("evidence"))) {
            return files.filter(file -> file.getFileName().toString().contains(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no evidence named " + name + " in " + report));
        }
    }
}
