package org.runbookunit.config;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * Describe the environment a runbook runs against: its name and where its endpoints are.
 *
 * <p>Inject it into a step to branch on the environment; {@code Http} uses it to turn {@code "api"} into a URL.
 */
public final class RunbookEnvironment {

    private final String name;
    private final Map<String, URI> endpoints;

    /** Create an environment; endpoint names map to base URLs. */
    public RunbookEnvironment(String name, Map<String, URI> endpoints) {
        this.name = name;
        this.endpoints = Map.copyOf(endpoints);
    }

    /** Return the environment's name, e.g. {@code staging}. */
    public String name() {
        return name;
    }

    /** Return every endpoint, sorted by name. */
    public Map<String, URI> endpoints() {
        return new TreeMap<>(endpoints);
    }

    /** Return an endpoint's base URL, or fail naming the known endpoints and where to add it. */
    public URI endpoint(String endpointName) {
        URI uri = endpoints.get(endpointName);
        if (uri == null) {
            throw new RunbookConfigurationException("endpoint [" + endpointName + "] is not defined in environment ["
                    + name + "]; known endpoints: " + endpoints().keySet() + ". Add it under environments." + name
                    + ".endpoints in runbook.yaml");
        }
        return uri;
    }
}
