package org.runbookunit.rehearsal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.ToStringConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * Run a service in a container, from an image or a Dockerfile, and wait until its HTTP health path answers 200.
 *
 * <pre>{@code
 * ContainerService.dockerfile("api", Path.of("target/docker")).endpoint("api", 8123, "/health")
 * }</pre>
 *
 * <p>{@code endpoint}, {@code env}, {@code command} and {@code startupTimeout} return a new description;
 * {@code onNetwork} joins this one to a network.
 */
public final class ContainerService implements RehearsalService {

    private final String name;
    private final Optional<String> image;
    private final Optional<Path> dockerfileDir;
    private final String endpoint;
    private final int port;
    private final String healthPath;
    private final Map<String, String> env;
    private final Duration startupTimeout;
    private final List<String> command;
    private Network network;
    private GenericContainer<?> container;
    private ToStringConsumer logs;

    private ContainerService(String name, Optional<String> image, Optional<Path> dockerfileDir, String endpoint, int port,
            String healthPath, Map<String, String> env, Duration startupTimeout, List<String> command) {
        this.name = name;
        this.image = image;
        this.dockerfileDir = dockerfileDir;
        this.endpoint = endpoint;
        this.port = port;
        this.healthPath = healthPath;
        this.env = Map.copyOf(env);
        this.startupTimeout = startupTimeout;
        this.command = List.copyOf(command);
    }

    /** Run an image, e.g. {@code runbookunit/air-demand:latest}. */
    public static ContainerService image(String name, String image) {
        return new ContainerService(name, Optional.of(image), Optional.empty(), name, 8080, "/", Map.of(),
                Duration.ofSeconds(60), List.of());
    }

    /** Build the image from the {@code Dockerfile} in a folder and run it. */
    public static ContainerService dockerfile(String name, Path folder) {
        return new ContainerService(name, Optional.empty(), Optional.of(folder), name, 8080, "/", Map.of(),
                Duration.ofSeconds(60), List.of());
    }

    /** Offer the container's {@code port} as endpoint {@code endpointName}, healthy when {@code healthPath} answers 200. */
    public ContainerService endpoint(String endpointName, int containerPort, String health) {
        return new ContainerService(name, image, dockerfileDir, endpointName, containerPort, health, env, startupTimeout,
                command);
    }

    /** Set an environment variable of the container. */
    public ContainerService env(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(key, value);
        return new ContainerService(name, image, dockerfileDir, endpoint, port, healthPath, more, startupTimeout, command);
    }

    /** Give up when the health path does not answer 200 within this time; default 60 s. */
    public ContainerService startupTimeout(Duration timeout) {
        return new ContainerService(name, image, dockerfileDir, endpoint, port, healthPath, env, timeout, command);
    }

    /** Join a Docker network the stack's other containers are on, e.g. to reach PostgreSQL as {@code db:5432}. */
    public ContainerService onNetwork(Network shared) {
        this.network = shared;
        return this;
    }

    /** Run this command instead of the image's default. */
    public ContainerService command(String... words) {
        return new ContainerService(name, image, dockerfileDir, endpoint, port, healthPath, env, startupTimeout,
                List.of(words));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        container = newContainer().withExposedPorts(port).withEnv(env);
        logs = Containers.captureLogs(container);
        if (network != null) {
            container.withNetwork(network);
        }
        if (!command.isEmpty()) {
            container.withCommand(command.toArray(String[]::new));
        }
        container
                .waitingFor(Wait.forHttp(healthPath).forPort(port).forStatusCode(200).withStartupTimeout(startupTimeout));
        container.start();
    }

    @Override
    public Map<String, URI> endpoints() {
        return Map.of(endpoint, URI.create("http://127.0.0.1:" + container.getMappedPort(port)));
    }

    @Override
    public String logs() {
        return Containers.logs(logs);
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        }
    }

    private GenericContainer<?> newContainer() {
        if (image.isPresent()) {
            return new GenericContainer<>(DockerImageName.parse(image.get()));
        }
        return new GenericContainer<>(new ImageFromDockerfile("runbookunit/" + name, false)
                .withFileFromPath(".", dockerfileDir.orElseThrow()));
    }
}
