package org.runbookunit.rehearsal;

import org.testcontainers.DockerClientFactory;

/** Tell whether a Docker engine answers, without failing when Testcontainers is not on the class path. */
public final class Docker {

    private Docker() {
    }

    /** Return whether Testcontainers can reach a Docker engine. */
    public static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (LinkageError | RuntimeException noDocker) {
            return false;
        }
    }
}
