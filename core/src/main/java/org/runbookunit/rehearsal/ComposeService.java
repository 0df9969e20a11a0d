package org.runbookunit.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.runbookunit.internal.docker.DockerHost;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.internal.process.ProcessRunner;

/**
 * Run a Docker Compose file as one rehearsal service, where a compose binary ({@code docker compose} or
 * {@code docker-compose}) is available, and offer one of its services' published ports as an endpoint, healthy when
 * its HTTP health path answers 200. {@code down -v} removes everything at the end.
 *
 * <pre>{@code
 * ComposeService.file("stack", Path.of("src/test/resources/compose.yaml")).endpoint("api", "api", 8123, "/health")
 * }</pre>
 */
public final class ComposeService implements RehearsalService {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);

    private final String name;
    private final Path file;
    private final String endpoint;
    private final String service;
    private final int port;
    private final String healthPath;
    private final Duration startupTimeout;
    private final String project = "runbookunit-" + UUID.randomUUID().toString().substring(0, 8);
    private List<String> compose;
    private URI base;
    private String engine;

    private ComposeService(String name, Path file, String endpoint, String service, int port, String healthPath,
            Duration startupTimeout) {
        this.name = name;
        this.file = file.toAbsolutePath();
        this.endpoint = endpoint;
        this.service = service;
        this.port = port;
        this.healthPath = healthPath;
        this.startupTimeout = startupTimeout;
    }

    /** Run the compose file. */
    public static ComposeService file(String name, Path composeFile) {
        return new ComposeService(name, composeFile, name, name, 80, "/", Duration.ofSeconds(120));
    }

    /** Offer {@code service}'s published {@code port} as endpoint {@code endpointName}, healthy when {@code health} answers 200. */
    public ComposeService endpoint(String endpointName, String composeService, int containerPort, String health) {
        return new ComposeService(name, file, endpointName, composeService, containerPort, health, startupTimeout);
    }

    /** Give up when the health path does not answer 200 within this time; default 120 s. */
    public ComposeService startupTimeout(Duration timeout) {
        return new ComposeService(name, file, endpoint, service, port, healthPath, timeout);
    }

    /** Tell whether a compose binary answers on this machine. */
    public static boolean available() {
        return binary().isPresent();
    }

    /** Tell whether another description runs the same thing: equal when every setting is equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ComposeService that && name.equals(that.name) && file.equals(that.file)
                && endpoint.equals(that.endpoint) && service.equals(that.service) && port == that.port
                && healthPath.equals(that.healthPath) && startupTimeout.equals(that.startupTimeout);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, file, endpoint, service, port, healthPath, startupTimeout);
    }

    /** Describe what runs. */
    @Override
    public String toString() {
        return "ComposeService[" + name + ", " + file.getFileName() + ", endpoint " + endpoint + " = " + service + ":"
                + port + healthPath + ", startup within " + startupTimeout + "]";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws IOException, InterruptedException {
        DockerHost host = DockerHost.fromProcess().requireReachable();
        compose = binary().orElseThrow(() -> new IllegalStateException("no compose binary: install the Docker Compose "
                + "plugin (docker compose) or docker-compose to run " + file));
        engine = host.describe() + " through " + String.join(" ", compose) + ", ports on " + host.portHost();
        run("up", "-d");
        String published = run("port", service, Integer.toString(port)).strip();
        base = URI.create("http://" + host.portHost() + ":" + published.substring(published.lastIndexOf(':') + 1));
        HealthWait.until200(base.resolve(healthPath), startupTimeout, () -> null);
    }

    @Override
    public Map<String, URI> endpoints() {
        return Map.of(endpoint, base);
    }

    @Override
    public Optional<String> engine() {
        return Optional.ofNullable(engine);
    }

    @Override
    public String logs() {
        try {
            return compose == null ? "" : run("logs", "--no-color");
        } catch (IOException | InterruptedException | RuntimeException unavailable) {
            return "(logs unavailable: " + unavailable.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (compose == null) {
            return;
        }
        try {
            run("down", "-v", "--remove-orphans");
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException("cannot take compose project " + project + " down: " + failure.getMessage(),
                    failure);
        }
    }

    private String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-f", file.toString(), "-p", project));
        command.addAll(List.of(arguments));
        ProcessResult result = ProcessRunner.command(command).timeout(COMMAND_TIMEOUT).run();
        String output = result.stdout().describe() + result.stderr().describe();
        if (result.timedOut()) {
            throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                    + COMMAND_TIMEOUT.toMinutes() + " minutes and was killed: " + output.strip());
        }
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + result.exitCode()
                    + ": " + output.strip());
        }
        return result.stdout().describe();
    }

    private static Optional<List<String>> binary() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                if (ProcessRunner.command(version).timeout(Duration.ofSeconds(20)).run().succeeded()) {
                    return Optional.of(candidate);
                }
            } catch (IOException notInstalled) {
                // try the next one
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
