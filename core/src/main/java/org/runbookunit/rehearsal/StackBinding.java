package org.runbookunit.rehearsal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.config.HostSettings;

/**
 * Say what a started stack offers: endpoints by name, a database, hosts and properties, bound into the environment for
 * the run.
 *
 * @param endpoints the endpoints, e.g. {@code api → http://127.0.0.1:49153}
 * @param database the database, if the stack has one
 * @param hosts the hosts commands run on, e.g. {@code app → deploy@127.0.0.1:40022}
 * @param properties environment properties only the started stack knows, e.g. {@code old-process → a pattern}
 */
public record StackBinding(Map<String, URI> endpoints, Optional<DatabaseSettings> database,
        Map<String, HostSettings> hosts, Map<String, String> properties) {

    /** Freeze the maps. */
    public StackBinding {
        endpoints = Map.copyOf(endpoints);
        hosts = Map.copyOf(hosts);
        properties = Map.copyOf(properties);
    }

    /** Bind endpoints, a database and hosts, no properties. */
    public StackBinding(Map<String, URI> endpoints, Optional<DatabaseSettings> database,
            Map<String, HostSettings> hosts) {
        this(endpoints, database, hosts, Map.of());
    }

    /** Bind endpoints and a database, no hosts. */
    public StackBinding(Map<String, URI> endpoints, Optional<DatabaseSettings> database) {
        this(endpoints, database, Map.of());
    }
}
