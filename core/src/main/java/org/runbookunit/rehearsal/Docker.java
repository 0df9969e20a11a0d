package org.runbookunit.rehearsal;

import org.runbookunit.internal.docker.DockerHost;
import org.testcontainers.DockerClientFactory;

/** Tell whether a Docker engine answers, without failing when Testcontainers is not on the class path. */
public final class Docker {

    private Docker() {
    }

    /**
     * Return whether Testcontainers can reach a Docker engine, and it is the one {@code DOCKER_HOST} names when that is
     * set (Testcontainers alone would fall back to the local socket when the named engine does not answer).
     */
    public static boolean available() {
        try {
            DockerHost wanted = DockerHost.fromProcess().requireReachable();
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return false;
            }
            wanted.requireChosen(DockerClientFactory.instance().getTransportConfig().getDockerHost(), "Testcontainers");
            return true;
        } catch (LinkageError | RuntimeException noDocker) {
            return false;
        }
    }
}
