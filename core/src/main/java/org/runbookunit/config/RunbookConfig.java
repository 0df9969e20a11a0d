package org.runbookunit.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Hold the environments of a {@code runbook.yaml} file.
 *
 * <pre>{@code
 * environments:
 *   local:
 *     endpoints: { api: "http://127.0.0.1:8123" }
 *   staging:
 *     endpoints: { api: "http://api.staging.example:8123" }
 * }</pre>
 */
public final class RunbookConfig {

    private final String source;
    private final Map<String, Map<String, URI>> environments;

    RunbookConfig(String source, Map<String, Map<String, URI>> environments) {
        this.source = source;
        this.environments = Map.copyOf(environments);
    }

    /** Return a configuration without a file: only the default {@code local} environment, with no endpoints. */
    public static RunbookConfig none() {
        Map<String, Map<String, URI>> onlyLocal = new LinkedHashMap<>();
        onlyLocal.put(RunbookSettings.DEFAULT_ENVIRONMENT, Map.of());
        return new RunbookConfig("(no runbook.yaml found)", onlyLocal);
    }

    /** Return where the configuration came from, e.g. a file path or {@code classpath:runbook.yaml}. */
    public String source() {
        return source;
    }

    /** Return the named environment, or fail listing the known ones. */
    public RunbookEnvironment environment(String name) {
        Map<String, URI> endpoints = environments.get(name);
        if (endpoints == null) {
            throw new RunbookConfigurationException(ConfigKeys.ENV + " names an unknown environment [" + name + "] in "
                    + source + "; known environments: " + new TreeSet<>(environments.keySet())
                    + ". Pick one of them or add environments." + name + " to the file");
        }
        return new RunbookEnvironment(name, endpoints);
    }
}
