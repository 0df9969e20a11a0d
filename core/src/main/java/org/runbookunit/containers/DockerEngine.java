package org.runbookunit.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.runbookunit.internal.docker.DockerHost;
import org.testcontainers.DockerClientFactory;

/** Ask the Docker engine Testcontainers is configured for (DOCKER_HOST, ~/.testcontainers.properties). */
final class DockerEngine {

    private final DockerClient client;
    private final Duration timeout;

    DockerEngine(Duration timeout) {
        DockerHost wanted = DockerHost.fromProcess().requireReachable();
        this.client = DockerClientFactory.instance().client();
        wanted.requireChosen(DockerClientFactory.instance().getTransportConfig().getDockerHost(), "Testcontainers");
        this.timeout = timeout;
    }

    ContainerState inspect(String nameOrId) {
        try {
            return state(client.inspectContainerCmd(nameOrId).exec());
        } catch (NotFoundException missing) {
            throw new ContainersExpectationError("no container [" + nameOrId + "] on the Docker engine; running: "
                    + client.listContainersCmd().exec().stream().map(c -> c.getNames()[0].replaceFirst("^/", "")).toList());
        }
    }

    List<ContainerState> composeProject(String project) {
        List<Container> containers = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("com.docker.compose.project", project)).exec();
        return containers.stream().map(container -> state(client.inspectContainerCmd(container.getId()).exec())).toList();
    }

    ContainerUsage usage(String nameOrId) {
        InspectContainerResponse container = client.inspectContainerCmd(nameOrId).exec();
        Statistics stats = oneSample(container.getId());
        long cpuDelta = stats.getCpuStats().getCpuUsage().getTotalUsage()
                - stats.getPreCpuStats().getCpuUsage().getTotalUsage();
        long systemDelta = orZero(stats.getCpuStats().getSystemCpuUsage()) - orZero(stats.getPreCpuStats().getSystemCpuUsage());
        long online = Optional.ofNullable(stats.getCpuStats().getOnlineCpus()).orElse(1L);
        double hostCpusUsed = systemDelta <= 0 ? 0 : (double) cpuDelta / systemDelta * online;
        double limit = cpuLimit(container.getHostConfig(), online);
        long memory = orZero(stats.getMemoryStats().getUsage()) - pageCache(stats.getMemoryStats().getStats());
        return new ContainerUsage(name(container), hostCpusUsed / limit, limit, memory,
                orZero(stats.getMemoryStats().getLimit()));
    }

    private Statistics oneSample(String id) {
        Statistics[] sample = new Statistics[1];
        ResultCallback.Adapter<Statistics> first = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics next) {
                sample[0] = next;
            }
        };
        try (ResultCallback.Adapter<Statistics> running = client.statsCmd(id).withNoStream(true).exec(first)) {
            if (!running.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS) && sample[0] == null) {
                throw new ContainersExpectationError("docker stats of [" + id + "] gave no sample within "
                        + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ContainersExpectationError("interrupted while reading docker stats of [" + id + "]", interrupted);
        } catch (java.io.IOException cannotClose) {
            // the sample is read; the stream is gone either way
        }
        if (sample[0] == null || sample[0].getCpuStats() == null || sample[0].getCpuStats().getCpuUsage() == null) {
            throw new ContainersExpectationError("docker stats of [" + id + "] has no CPU figures (is it running?)");
        }
        return sample[0];
    }

    private static double cpuLimit(HostConfig host, long online) {
        if (host != null && host.getNanoCPUs() != null && host.getNanoCPUs() > 0) {
            return host.getNanoCPUs() / 1e9;
        }
        if (host != null && host.getCpuQuota() != null && host.getCpuQuota() > 0 && host.getCpuPeriod() != null
                && host.getCpuPeriod() > 0) {
            return (double) host.getCpuQuota() / host.getCpuPeriod();
        }
        return online;
    }

    /** Return the page cache {@code docker stats} leaves out: inactive_file (cgroup v2), total_inactive_file or cache (v1). */
    private static long pageCache(StatsConfig stats) {
        if (stats == null) {
            return 0;
        }
        return Optional.ofNullable(stats.getInactiveFile()).or(() -> Optional.ofNullable(stats.getTotalInactiveFile()))
                .or(() -> Optional.ofNullable(stats.getCache())).orElse(0L);
    }

    private static ContainerState state(InspectContainerResponse container) {
        InspectContainerResponse.ContainerState state = container.getState();
        Map<String, String> labels = container.getConfig().getLabels() == null ? Map.of() : container.getConfig().getLabels();
        return new ContainerState(name(container), labels.getOrDefault("com.docker.compose.service", ""),
                state.getStatus(), Optional.ofNullable(state.getHealth()).map(health -> health.getStatus()),
                Optional.ofNullable(container.getRestartCount()).orElse(0), Instant.parse(state.getStartedAt()));
    }

    private static String name(InspectContainerResponse container) {
        return container.getName().replaceFirst("^/", "");
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
