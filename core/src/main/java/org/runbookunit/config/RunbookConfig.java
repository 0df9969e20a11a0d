package org.runbookunit.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hold the environments of a {@code runbook.yaml} file, unresolved until one is selected.
 *
 * <pre>{@code
 * environments:
 *   local:
 *     endpoints: { api: "http://127.0.0.1:8123" }
 *   staging:
 *     endpoints: { api: "http://api.staging.example:8123" }
 *     database: { url: "jdbc:postgresql://db.example:25060/defaultdb", user: "${DB_USER}", password: "${DB_PASSWORD}" }
 *   production:
 *     read-only: true
 *     endpoints: { api: "https://api.prod.example" }
 * }</pre>
 */
public final class RunbookConfig {

    private final String source;
    private final String sha256;
    private final Map<String, ConfigModel.Environment> environments;

    RunbookConfig(String source, String sha256, Map<String, ConfigModel.Environment> environments) {
        this.source = source;
        this.sha256 = sha256;
        this.environments = new LinkedHashMap<>(environments);
    }

    /** Return a configuration without a file: only the default {@code local} environment, with no endpoints. */
    public static RunbookConfig none() {
        return new RunbookConfig("(no runbook.yaml found)", "", Map.of(RunbookSettings.DEFAULT_ENVIRONMENT,
                new ConfigModel.Environment()));
    }

    /** Return where the configuration came from, e.g. a file path or {@code classpath:runbook.yaml}. */
    public String source() {
        return source;
    }

    /** Return the SHA-256 of the file's bytes, empty without a file: the sign-off names exactly what was used. */
    public String sha256() {
        return sha256;
    }

    /**
     * Resolve the named environment against the process environment; fail listing the known environments, or every
     * variable that is not set.
     */
    public RunbookEnvironment environment(String name, Map<String, String> processEnvironment) {
        return new EnvironmentResolver(source, name, processEnvironment, false).resolve(spec(name));
    }

    /**
     * Resolve the named environment for plan mode: variables that are not set are listed instead of failing, so a plan
     * for production can be printed on a laptop without production's secrets.
     */
    public PlannedEnvironment planEnvironment(String name, Map<String, String> processEnvironment) {
        EnvironmentResolver resolver = new EnvironmentResolver(source, name, processEnvironment, true);
        RunbookEnvironment environment = resolver.resolve(spec(name));
        return new PlannedEnvironment(environment, resolver.missing());
    }

    private ConfigModel.Environment spec(String name) {
        ConfigModel.Environment spec = environments.get(name);
        if (spec == null) {
            throw new RunbookConfigurationException(ConfigKeys.ENV + " names an unknown environment [" + name + "] in "
                    + source + "; known environments: " + new TreeSet<>(environments.keySet())
                    + ". Pick one of them or add environments." + name + " to the file");
        }
        return spec;
    }

    /**
     * Give plan mode an environment and the variables it still needs.
     *
     * @param environment the environment, missing variables standing in as {@code unset-<name>}
     * @param missingVariables the variables a real run would need
     */
    public record PlannedEnvironment(RunbookEnvironment environment, Set<String> missingVariables) {

        /** Freeze the set. */
        public PlannedEnvironment {
            missingVariables = Set.copyOf(missingVariables);
        }
    }
}
