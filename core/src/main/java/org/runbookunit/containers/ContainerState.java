package org.runbookunit.containers;

import java.time.Instant;
import java.util.Optional;

/**
 * Describe one container as {@code docker inspect} shows it.
 *
 * @param name its name without the leading slash, e.g. {@code signal-harvester_api_1}
 * @param service its compose service ({@code com.docker.compose.service}), empty outside compose
 * @param status {@code running}, {@code restarting}, {@code exited}, …
 * @param health {@code healthy}, {@code unhealthy} or {@code starting}; empty without a health check
 * @param restartCount how often the engine restarted it
 * @param startedAt when it last started
 */
public record ContainerState(String name, String service, String status, Optional<String> health, int restartCount,
        Instant startedAt) {

    /** Tell whether it runs and, if it has a health check, is healthy: {@code docker ps}'s "Up (healthy)". */
    public boolean up() {
        return "running".equals(status) && health.map("healthy"::equals).orElse(true);
    }

    /** Describe it like {@code docker ps}, e.g. {@code api_1 running (healthy), 0 restarts, started 2025-…}. */
    public String describe() {
        return name + " " + status + health.map(h -> " (" + h + ")").orElse("") + ", " + restartCount + " restarts, started "
                + startedAt;
    }
}
