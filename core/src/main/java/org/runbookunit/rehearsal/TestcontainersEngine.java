package org.runbookunit.rehearsal;

import java.net.URI;
import org.runbookunit.internal.docker.DockerHost;
import org.testcontainers.DockerClientFactory;

/**
 * Find the Docker engine Testcontainers runs containers on: the one {@code DOCKER_HOST} names, checked to answer
 * first so an engine that is down fails fast instead of Testcontainers quietly falling back to the local socket.
 */
final class TestcontainersEngine {

    private TestcontainersEngine() {
    }

    /** Return a description of the engine, e.g. {@code Docker engine tcp://127.0.0.1:2375 (DOCKER_HOST), ports on 127.0.0.1}. */
    static String chosen() {
        DockerHost wanted = DockerHost.fromProcess().requireReachable();
        DockerClientFactory factory = DockerClientFactory.instance();
        if (!factory.isDockerAvailable()) {
            throw new IllegalStateException("no Docker engine answers for Testcontainers (" + wanted.describe() + "); "
                    + "start one (scripts/airgap-docker.sh on an air-gapped machine) or set " + DockerHost.VARIABLE
                    + " to a running engine, e.g. tcp://127.0.0.1:2375");
        }
        URI engine = factory.getTransportConfig().getDockerHost();
        wanted.requireChosen(engine, "Testcontainers");
        return "Docker engine " + engine + (wanted.address().isPresent() ? " (" + DockerHost.VARIABLE + ")" : "")
                + ", ports on " + portHost(factory.dockerHostIpAddress());
    }

    /**
     * Return the host a container's published ports are reached on: Testcontainers' {@code getHost()} (the TCP
     * engine's host, or {@code TESTCONTAINERS_HOST_OVERRIDE}), with {@code localhost} written {@code 127.0.0.1} as
     * before, so a local engine's endpoints do not depend on how {@code localhost} resolves.
     */
    static String portHost(String testcontainersHost) {
        return "localhost".equals(testcontainersHost) ? "127.0.0.1" : testcontainersHost;
    }
}
