package org.runbookunit.examples.signalharvester;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.util.List;

/** Answer seed 003's health endpoints: a status and the components it is made of, each with a message. */
final class HealthChecks {

    private static final long MIN_FREE_DISK = 100L * 1024 * 1024;

    private final Backends backends;

    HealthChecks(Backends backends) {
        this.backends = backends;
    }

    /** {@code /health/ready}: what a request needs, the database at the schema version and Redis. */
    ObjectNode ready() {
        return report(List.of(database(), redis()));
    }

    /** {@code /health/live}: the process itself. */
    ObjectNode live() {
        return report(List.of(component("process", true, "Application process is running")));
    }

    /** {@code /health/startup}: every dependency the API checks before it takes traffic. */
    ObjectNode startup() {
        return report(List.of(database(), redis(), disk(), memory()));
    }

    private ObjectNode database() {
        try {
            int version = backends.schemaVersion();
            return component("database", version == SchemaInit.VERSION, "PostgreSQL schema version " + version
                    + (version == SchemaInit.VERSION ? "" : ", expected " + SchemaInit.VERSION));
        } catch (Exception failed) {
            return component("database", false, "PostgreSQL unreachable: " + failed.getMessage());
        }
    }

    private ObjectNode redis() {
        try {
            return component("redis", "PONG".equals(backends.ping()), "Redis answered PING");
        } catch (RuntimeException failed) {
            return component("redis", false, "Redis unreachable: " + failed.getMessage());
        }
    }

    private static ObjectNode disk() {
        long free = new File(".").getUsableSpace();
        return component("disk_space", free > MIN_FREE_DISK, (free >> 20) + " MiB free");
    }

    private static ObjectNode memory() {
        Runtime runtime = Runtime.getRuntime();
        double used = (double) (runtime.totalMemory() - runtime.freeMemory()) / runtime.maxMemory();
        return component("memory", used < 0.9, String.format("heap %.0f %% used", used * 100));
    }

    private static ObjectNode report(List<ObjectNode> components) {
        boolean healthy = components.stream().allMatch(component -> "healthy".equals(component.get("status").asText()));
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", healthy ? "healthy" : "unhealthy");
        ArrayNode list = body.putArray("components");
        components.forEach(list::add);
        return body;
    }

    private static ObjectNode component(String name, boolean healthy, String message) {
        return JsonNodeFactory.instance.objectNode().put("name", name).put("status", healthy ? "healthy" : "unhealthy")
                .put("message", message);
    }
}
