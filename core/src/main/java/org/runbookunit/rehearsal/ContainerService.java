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
 * <p>Every builder method returns a new description and keeps every earlier setting.
 */
public final class ContainerService implements RehearsalService {

    private final Spec spec;
    private GenericContainer<?> container;
    private ToStringConsumer logs;
    private String engine;

    private ContainerService(Spec spec) {
        this.spec = spec;
    }

    /** Run an image, e.g. {@code runbookunit/air-demand:latest}. */
    public static ContainerService image(String name, String image) {
        return new ContainerService(Spec.of(name, Optional.of(image), Optional.empty()));
    }

    /** Build the image from the {@code Dockerfile} in a folder and run it. */
    public static ContainerService dockerfile(String name, Path folder) {
        return new ContainerService(Spec.of(name, Optional.empty(), Optional.of(folder)));
    }

    /** Offer the container's {@code port} as endpoint {@code endpointName}, healthy when {@code healthPath} answers 200. */
    public ContainerService endpoint(String endpointName, int containerPort, String health) {
        return new ContainerService(new Spec(spec.name, spec.image, spec.dockerfileDir, endpointName, containerPort, health,
                spec.env, spec.startupTimeout, spec.command, spec.network));
    }

    /** Set an environment variable of the container. */
    public ContainerService env(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(spec.env);
        more.put(key, value);
        return new ContainerService(new Spec(spec.name, spec.image, spec.dockerfileDir, spec.endpoint, spec.port,
                spec.healthPath, Map.copyOf(more), spec.startupTimeout, spec.command, spec.network));
    }

    /** Give up when the health path does not answer 200 within this time; default 60 s. */
    public ContainerService startupTimeout(Duration timeout) {
        return new ContainerService(new Spec(spec.name, spec.image, spec.dockerfileDir, spec.endpoint, spec.port,
                spec.healthPath, spec.env, timeout, spec.command, spec.network));
    }

    /** Join a Docker network the stack's other containers are on, e.g. to reach PostgreSQL as {@code db:5432}. */
    public ContainerService onNetwork(Network shared) {
        return new ContainerService(new Spec(spec.name, spec.image, spec.dockerfileDir, spec.endpoint, spec.port,
                spec.healthPath, spec.env, spec.startupTimeout, spec.command, Optional.of(shared)));
    }

    /** Run this command instead of the image's default. */
    public ContainerService command(String... words) {
        return new ContainerService(new Spec(spec.name, spec.image, spec.dockerfileDir, spec.endpoint, spec.port,
                spec.healthPath, spec.env, spec.startupTimeout, List.of(words), spec.network));
    }

    /** Tell whether another description runs the same thing: equal when every setting is equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ContainerService service && service.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    /** Describe what runs, without the password. */
    @Override
    public String toString() {
        return "ContainerService[" + spec.name + ", " + spec.image.orElse("Dockerfile in " + spec.dockerfileDir.orElse(null))
                + ", endpoint " + spec.endpoint + ":" + spec.port + spec.healthPath + ", env " + new java.util.TreeSet<>(spec.env.keySet())
                + (spec.network.isPresent() ? ", on a network" : "") + "]";
    }

    /** What the container runs: every builder method copies it with one value changed. */
    private record Spec(String name, Optional<String> image, Optional<Path> dockerfileDir, String endpoint, int port,
            String healthPath, Map<String, String> env, Duration startupTimeout, List<String> command,
            Optional<Network> network) {

        static Spec of(String name, Optional<String> image, Optional<Path> dockerfileDir) {
            return new Spec(name, image, dockerfileDir, name, 8080, "/", Map.of(), Duration.ofSeconds(60), List.of(),
                    Optional.empty());
        }
    }

    @Override
    public String name() {
        return spec.name;
    }

    @Override
    public void start() {
        engine = TestcontainersEngine.chosen();
        container = newContainer().withExposedPorts(spec.port).withEnv(spec.env);
        logs = Containers.captureLogs(container);
        spec.network.ifPresent(container::withNetwork);
        if (!spec.command.isEmpty()) {
            container.withCommand(spec.command.toArray(String[]::new));
        }
        container.waitingFor(Wait.forHttp(spec.healthPath).forPort(spec.port).forStatusCode(200)
                .withStartupTimeout(spec.startupTimeout));
        container.start();
    }

    @Override
    public Map<String, URI> endpoints() {
        return Map.of(spec.endpoint, URI.create("http://" + TestcontainersEngine.portHost(container.getHost()) + ":"
                + container.getMappedPort(spec.port)));
    }

    @Override
    public Optional<String> engine() {
        return Optional.ofNullable(engine);
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
        if (spec.image.isPresent()) {
            return new GenericContainer<>(DockerImageName.parse(spec.image.get()));
        }
        return new GenericContainer<>(new ImageFromDockerfile("runbookunit/" + spec.name, false)
                .withFileFromPath(".", spec.dockerfileDir.orElseThrow()));
    }
}
