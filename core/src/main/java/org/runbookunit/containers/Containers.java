package org.runbookunit.containers;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.runbookunit.evidence.Evidence;

/**
 * Check containers on the Docker engine Testcontainers is configured for ({@code DOCKER_HOST},
 * {@code ~/.testcontainers.properties}): healthy, not restarted since a time, CPU and memory within their limits, every
 * service of a compose project "Up (healthy)". Testcontainers is an optional dependency: loaded only when used. An
 * engine {@code DOCKER_HOST} names that does not answer fails the step naming its address, rather than the local
 * engine being checked instead.
 *
 * <pre>{@code
 * @Step(order = 1, value = "Containers healthy, none restarting, within their limits")
 * void containers(Containers containers) {
 *     containers.expectComposeUp("signal-harvester");
 *     containers.expectResourcesWithin("signal-harvester_api_1", 0.50, 0.80);
 * }
 * }</pre>
 *
 * <p>What every check saw ({@code docker inspect} state, one {@code docker stats} sample) is saved as evidence.
 */
public final class Containers {

    private final Evidence evidence;
    private final Duration timeout;
    private DockerEngine engine;

    /**
     * Create the facade for one step.
     *
     * @param evidence where container states and samples are saved
     * @param timeout how long one {@code docker stats} sample may take
     */
    public Containers(Evidence evidence, Duration timeout) {
        this.evidence = evidence;
        this.timeout = timeout;
    }

    /** Return a container's state, by name or id. */
    public ContainerState state(String container) {
        ContainerState state = engine().inspect(container);
        evidence.json("container " + container, row(state), "container " + state.describe());
        return state;
    }

    /** Expect a container running and, if it has a health check, healthy. */
    public ContainerState expectHealthy(String container) {
        ContainerState state = state(container);
        if (!state.up()) {
            throw new ContainersExpectationError("container [" + container + "]: expected running (healthy) but is "
                    + state.describe());
        }
        return state;
    }

    /** Expect a container running without a (re)start after {@code since}, e.g. the start of a stability window. */
    public ContainerState expectNoRestartsSince(String container, Instant since) {
        ContainerState state = state(container);
        if (!"running".equals(state.status()) || state.startedAt().isAfter(since)) {
            throw new ContainersExpectationError("container [" + container + "]: expected running since before " + since
                    + " without a restart but is " + state.describe());
        }
        return state;
    }

    /** Expect CPU below {@code cpuFraction} of its CPU limit and memory below {@code memoryFraction} of its memory limit. */
    public ContainerUsage expectResourcesWithin(String container, double cpuFraction, double memoryFraction) {
        ContainerUsage usage = engine().usage(container);
        evidence.json("container stats " + container, usage, String.format("container %s: CPU %.1f %% of %.2f CPUs, "
                + "memory %.1f %% of %d MiB", container, usage.cpuFraction() * 100, usage.cpuLimit(),
                usage.memoryFraction() * 100, usage.memoryLimitBytes() >> 20));
        if (usage.cpuFraction() >= cpuFraction || usage.memoryFraction() >= memoryFraction) {
            throw new ContainersExpectationError(String.format("container [%s]: expected CPU < %.0f %% and memory < %.0f %%"
                    + " of its limits but CPU was %.1f %% of %.2f CPUs and memory %.1f %% (%d of %d bytes)", container,
                    cpuFraction * 100, memoryFraction * 100, usage.cpuFraction() * 100, usage.cpuLimit(),
                    usage.memoryFraction() * 100, usage.memoryBytes(), usage.memoryLimitBytes()));
        }
        return usage;
    }

    /**
     * Expect a compose project to have containers, every one running, healthy where it has a health check, and never
     * restarted by the engine: a crash-looping container is "running" between two crashes, so its RestartCount counts.
     */
    public List<ContainerState> expectComposeUp(String project) {
        List<ContainerState> services = engine().composeProject(project);
        Map<String, Object> saved = new LinkedHashMap<>();
        services.forEach(state -> saved.put(state.service().isEmpty() ? state.name() : state.service(), row(state)));
        evidence.json("compose " + project, saved, "compose project " + project + ": " + services.size() + " containers");
        List<ContainerState> down = services.stream().filter(state -> !state.up() || state.restartCount() > 0).toList();
        if (services.isEmpty() || !down.isEmpty()) {
            throw new ContainersExpectationError("compose project [" + project + "]: expected every service Up (healthy), "
                    + "none restarted, but "
                    + (services.isEmpty() ? "the engine has no container labelled com.docker.compose.project=" + project
                            : down.size() + " of " + services.size() + " are not: "
                                    + down.stream().map(ContainerState::describe).collect(Collectors.joining("; "))));
        }
        return services;
    }

    private static Map<String, Object> row(ContainerState state) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", state.name());
        row.put("service", state.service());
        row.put("status", state.status());
        row.put("health", state.health().orElse("none"));
        row.put("restartCount", state.restartCount());
        row.put("startedAt", state.startedAt().toString());
        return row;
    }

    private DockerEngine engine() {
        if (engine == null) {
            try {
                engine = new DockerEngine(timeout);
            } catch (NoClassDefFoundError noTestcontainers) {
                throw new IllegalStateException("Containers steps need Testcontainers on the class path: add the "
                        + "dependency org.testcontainers:testcontainers", noTestcontainers);
            } catch (IllegalStateException noEngine) {
                throw new ContainersExpectationError("no Docker engine answers: " + noEngine.getMessage(), noEngine);
            }
        }
        return engine;
    }
}
