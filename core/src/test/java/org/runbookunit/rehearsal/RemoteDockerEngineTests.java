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
    private final Path folder = Path.of("target", "remote-engine", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void theStackRunsOnTheEngineDockerHostNamesAndTheReportSaysWhich() throws Exception {
        try (SecondDockerEngine engine = SecondDockerEngine.start()) {
            engine.load("runbookunit/jre:17");
            Instant before = Instant.now().minusSeconds(1);

            ProcessResult child = runbook(engine.dockerHost());

            String output = child.stdout().text() + child.stderr().text();
            assertThat(child.exitCode()).as(output).isZero();
            assertThat(output).contains("VERDICT GO").containsPattern("ENDPOINT http://127\\.0\\.0\\.1:\\d+")
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
    }

    @Test
    void anEngineThatDoesNotAnswerFailsFastNamingItsAddressAndTheFix() throws Exception {
        String nowhere = "tcp://127.0.0.1:" + Daemon.freePort();

        ProcessResult child = runbook(nowhere);

        String output = child.stdout().text() + child.stderr().text();
        assertThat(child.exitCode()).as(output).isNotZero();
        assertThat(output).contains("rehearsal stack PerlHealthStack could not start service [api]: Docker engine ["
                + nowhere + "] named by DOCKER_HOST does not answer (ConnectException: Connection refused); start the "
                + "engine there (dockerd -H " + nowhere + "), point DOCKER_HOST at a running engine, or unset it to use "
                + "the local engine (unix:///var/run/docker.sock)").doesNotContain("VERDICT");
        assertThat(child.duration()).isLessThan(Duration.ofSeconds(20));
    }

    private ProcessResult runbook(String dockerHost) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), RemoteEngineRunbookMain.class.getName(),
                folder.resolve("reports").toString());
        ProcessResult result = ProcessRunner.command(command).environment(Map.of("DOCKER_HOST", dockerHost))
                .timeout(Duration.ofMinutes(2)).run();
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
