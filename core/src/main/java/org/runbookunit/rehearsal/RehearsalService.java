package org.runbookunit.rehearsal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.config.HostSettings;

/** Run one service of a rehearsal stack: a container, a local process, or a server inside this JVM. */
public interface RehearsalService extends AutoCloseable {

    /** Name the service in messages and log files, e.g. {@code api} or {@code db}. */
    String name();

    /** Start the service and wait until it is healthy; fail with a message that says what did not come up. */
    void start() throws Exception;

    /** Return the endpoints the service offers to the runbook, by the names runbook.yaml would use; none by default. */
    default Map<String, URI> endpoints() {
        return Map.of();
    }

    /** Return the database the service offers to the runbook, if it is one; none by default. */
    default Optional<DatabaseSettings> database() {
        return Optional.empty();
    }

    /** Return the hosts the service offers to the runbook (an SSH server standing in for a machine); none by default. */
    default Map<String, HostSettings> hosts() {
        return Map.of();
    }

    /**
     * Return the environment properties the service binds, known once it started: values only the rehearsal knows,
     * such as a generated path or a process pattern that matches this stack's processes and no other's. Each replaces
     * the runbook.yaml property of the same name; none by default.
     */
    default Map<String, String> properties() {
        return Map.of();
    }

    /**
     * Describe the engine the service runs on, for the console and the report, e.g.
     * {@code Docker engine tcp://127.0.0.1:2375 (DOCKER_HOST), ports on 127.0.0.1}; none (the default) for a local
     * process or a server inside this JVM. Known once the service started.
     */
    default Optional<String> engine() {
        return Optional.empty();
    }

    /** Return what the service logged so far, for the evidence and for start-up errors; nothing by default. */
    default String logs() {
        return "";
    }

    /** Stop the service; stopping twice is harmless. */
    @Override
    void close();
}
