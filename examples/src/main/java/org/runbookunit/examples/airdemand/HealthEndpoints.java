package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Answer {@code /health}, {@code /health/db} and {@code /health/ready}. */
final class HealthEndpoints {

    static final String SERVICE_NAME = "air-demand-api";
    static final String VERSION = "0.9.0";
    private static final String OK = "ok";
    private static final String FAILED = "failed";
    private static final String RESTARTING = "restarting";

    private final ServiceState state;
    private final DatabaseProbe database;
    private final Clock clock;

    HealthEndpoints(ServiceState state, DatabaseProbe database, Clock clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Report the service's own health, name, version, environment, current and start time, and release commit. */
    JsonResponse health(Request ignored) {
        boolean healthy = state.healthy();
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("status", healthy ? "healthy" : "unhealthy")
                .put("service", SERVICE_NAME)
                .put("version", VERSION)
                .put("environment", state.config().environment())
                .put("timestamp", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString())
                .put("started_at", state.startedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        if (!state.commit().isEmpty()) {
            body.put("commit", state.commit());
        }
        return JsonResponse.of(healthy ? 200 : 503, body);
    }

    /** Report whether the role store answers a ping and how long it took. */
    JsonResponse database(Request ignored) {
        DatabaseProbe.Result result = database.probe();
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("status", result.connected() ? "healthy" : "unhealthy")
                .put("database", result.connected() ? "connected" : "disconnected");
        if (result.connected()) {
            body.put("latency_ms", result.latencyMillis());
            return JsonResponse.of(200, body);
        }
        return JsonResponse.of(503, body.put("error", result.failure()));
    }

    /** Report whether the database and the scheduler are ready, marking the one that is not. */
    JsonResponse readiness(Request ignored) {
        boolean databaseOk = database.probe().connected();
        String scheduler = schedulerCheck();
        boolean ready = databaseOk && OK.equals(scheduler);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", ready ? "ready" : "not_ready");
        body.putObject("checks")
                .put("database", databaseOk ? OK : FAILED)
                .put("scheduler", scheduler);
        return JsonResponse.of(ready ? 200 : 503, body);
    }

    private String schedulerCheck() {
        if (state.restarting()) {
            return RESTARTING;
        }
        return state.ready() ? OK : FAILED;
    }
}
