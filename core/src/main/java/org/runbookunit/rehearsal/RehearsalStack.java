package org.runbookunit.rehearsal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.config.HostSettings;
import org.runbookunit.internal.Texts;

/**
 * Describe a local copy of a system — its services in start order — that a {@code @Rehearsal} runbook runs against.
 * Subclass it with a public no-argument constructor:
 *
 * <pre>{@code
 * public class AirDemandStack extends RehearsalStack {
 *     @Override
 *     protected List<RehearsalService> services() {
 *         return List.of(PostgresService.image("postgres:16-alpine").database("airdemand"),
 *                 ContainerService.image("api", "runbookunit/air-demand:latest").endpoint("api", 8123, "/health"));
 *     }
 * }
 * }</pre>
 *
 * <p>The stack starts once per JVM, before the first step of the first runbook that names it, and stops at the end.
 */
public abstract class RehearsalStack implements AutoCloseable {

    private static final int LOG_LINES = 40;

    private final List<RehearsalService> started = new ArrayList<>();

    /** Return the services, in the order they start. */
    protected abstract List<RehearsalService> services();

    /** Start every service in order; on a failure stop those already started and report the failing one's logs. */
    public final synchronized StackBinding start() {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        Optional<DatabaseSettings> database = Optional.empty();
        Map<String, HostSettings> hosts = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (RehearsalService service : services()) {
            try {
                service.start();
            } catch (Exception | AssertionError failure) {
                String logs = lastLines(service.logs());
                service.close();
                close();
                throw new RehearsalStartupException("rehearsal stack " + getClass().getSimpleName() + " could not start "
                        + "service [" + service.name() + "]: " + Texts.firstLine(String.valueOf(failure.getMessage()))
                        + "\n--- last " + LOG_LINES + " log lines of [" + service.name() + "] ---\n" + logs, failure);
            }
            started.add(service);
            endpoints.putAll(service.endpoints());
            hosts.putAll(service.hosts());
            properties.putAll(service.properties());
            if (service.database().isPresent()) {
                database = service.database();
            }
        }
        return new StackBinding(endpoints, database, hosts, properties);
    }

    /** Return every started service's logs, by service name. */
    public final synchronized Map<String, String> logs() {
        Map<String, String> logs = new LinkedHashMap<>();
        started.forEach(service -> logs.put(service.name(), service.logs()));
        return logs;
    }

    /** Return the engines the started services run on (each once), e.g. a remote Docker engine's address. */
    public final synchronized List<String> engines() {
        return started.stream().flatMap(service -> service.engine().stream()).distinct().toList();
    }

    /** Stop every started service, last first. */
    @Override
    public final synchronized void close() {
        for (int index = started.size() - 1; index >= 0; index--) {
            started.get(index).close();
        }
        started.clear();
    }

    private static String lastLines(String logs) {
        String[] lines = logs.split("\n");
        int from = Math.max(0, lines.length - LOG_LINES);
        return String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
    }
}
