package org.runbookunit.rehearsal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.config.DatabaseSettings;

/**
 * Say what a started stack offers: endpoints by name and a database, bound into the environment for the run.
 *
 * @param endpoints the endpoints, e.g. {@code api → http://127.0.0.1:49153}
 * @param database the database, if the stack has one
 */
public record StackBinding(Map<String, URI> endpoints, Optional<DatabaseSettings> database) {

    /** Freeze the map. */
    public StackBinding {
        endpoints = Map.copyOf(endpoints);
    }
}
