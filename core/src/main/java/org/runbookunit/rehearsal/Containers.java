package org.runbookunit.rehearsal;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.ToStringConsumer;

/** Capture a container's logs as they stream, so they survive a container that exits during start-up. */
final class Containers {

    private Containers() {
    }

    /** Attach a log capture to a container before it starts. */
    static ToStringConsumer captureLogs(GenericContainer<?> container) {
        ToStringConsumer logs = new ToStringConsumer();
        container.withLogConsumer(logs);
        return logs;
    }

    static String logs(ToStringConsumer logs) {
        return logs == null ? "" : logs.toUtf8String();
    }
}
