package org.runbookunit.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.runbookunit.secrets.Secrets;

/**
 * Describe the environment a runbook runs against: its name, endpoints, database, hosts, whether it is read-only or
 * a rehearsal, and its free-form properties.
 *
 * <pre>{@code
 * @Step(order = 1, value = "Digest goes to the right recipient")
 * void recipient(Http http, RunbookEnvironment environment) {
 *     http.get("api", "/admin/config").expectJson("digest_recipient", environment.property("digest-recipient"));
 * }
 * }</pre>
 */
public final class RunbookEnvironment {

    private final String name;
    private final Map<String, URI> endpoints;
    private final Optional<DatabaseSettings> database;
    private final EnvironmentFlags flags;
    private final Map<String, String> properties;
    private final Map<String, HostSettings> hosts;
    private final Secrets secrets;
    private final Map<String, String> healthPaths;

    RunbookEnvironment(String name, Map<String, URI> endpoints, Optional<DatabaseSettings> database, EnvironmentFlags flags,
            Map<String, String> properties, Map<String, HostSettings> hosts, Secrets secrets) {
        this(name, endpoints, database, flags, properties, hosts, secrets, Map.of());
    }

    RunbookEnvironment(String name, Map<String, URI> endpoints, Optional<DatabaseSettings> database, EnvironmentFlags flags,
            Map<String, String> properties, Map<String, HostSettings> hosts, Secrets secrets,
            Map<String, String> healthPaths) {
        this.name = name;
        this.endpoints = Map.copyOf(endpoints);
        this.database = database;
        this.flags = flags;
        this.properties = Map.copyOf(properties);
        this.hosts = Map.copyOf(hosts);
        this.secrets = secrets;
        this.healthPaths = Map.copyOf(healthPaths);
    }

    /** Create a writable, non-rehearsal environment with only endpoints and no secrets, e.g. for plain-Java runs. */
    public RunbookEnvironment(String name, Map<String, URI> endpoints) {
        this(name, endpoints, Optional.empty(), EnvironmentFlags.DEFAULTS, Map.of(), Map.of(), Secrets.none());
    }

    /**
     * Return this environment with a rehearsal stack's endpoints and database bound in: they replace entries of the
     * same name; everything else (name, flags, properties, secrets) stays.
     */
    public RunbookEnvironment withBinding(Map<String, URI> boundEndpoints, Optional<DatabaseSettings> boundDatabase) {
        Map<String, URI> merged = new java.util.HashMap<>(endpoints);
        merged.putAll(boundEndpoints);
        boundDatabase.ifPresent(settings -> secrets.add("rehearsal database password", settings.password()));
        return new RunbookEnvironment(name, merged, boundDatabase.or(() -> database), flags, properties, hosts, secrets,
                healthPaths);
    }

    /**
     * Return this environment with a rehearsal stack's endpoints, database and hosts bound in: each replaces the entry
     * of the same name; everything else stays.
     */
    public RunbookEnvironment withBinding(Map<String, URI> boundEndpoints, Optional<DatabaseSettings> boundDatabase,
            Map<String, HostSettings> boundHosts) {
        RunbookEnvironment bound = withBinding(boundEndpoints, boundDatabase);
        Map<String, HostSettings> merged = new java.util.HashMap<>(hosts);
        merged.putAll(boundHosts);
        return new RunbookEnvironment(name, bound.endpoints, bound.database, flags, properties, merged, secrets,
                healthPaths);
    }

    /** Return this environment with a rehearsal stack's properties bound in: each replaces the one of that name. */
    public RunbookEnvironment withProperties(Map<String, String> boundProperties) {
        if (boundProperties.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new java.util.HashMap<>(properties);
        merged.putAll(boundProperties);
        return new RunbookEnvironment(name, endpoints, database, flags, merged, hosts, secrets, healthPaths);
    }

    /** Return every host, sorted by name. */
    public Map<String, HostSettings> hosts() {
        return new TreeMap<>(hosts);
    }

    /** Return a host, or fail naming the known hosts and where to add it. */
    public HostSettings host(String hostName) {
        HostSettings host = hosts.get(hostName);
        if (host == null) {
            throw new RunbookConfigurationException("host [" + hostName + "] is not defined in environment [" + name
                    + "]; known hosts: " + hosts().keySet() + ". Add it under environments." + name + ".hosts in "
                    + "runbook.yaml, e.g. " + hostName + ": { ssh: \"ssh://deploy@" + hostName + ".example\", identity: "
                    + "\"${SSH_KEY_FILE}\", known-hosts: \"config/known_hosts\" }");
        }
        return host;
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
                    + ".endpoints in runbook.yaml" + (endpoints.isEmpty() ? " (read from " + ConfigKeys.CONFIG
                    + " when set, else from the class path: src/test/resources/runbook.yaml)" : ""));
        }
        return uri;
    }

    /** Return the database entry, if the environment has one. */
    public Optional<DatabaseSettings> database() {
        return database;
    }

    /** Tell whether the environment is read-only: destructive steps are refused, database connections read-only. */
    public boolean readOnly() {
        return flags.readOnly();
    }

    /** Tell whether the environment is a rehearsal: {@code @Rehearsal} stacks start and bind its endpoints. */
    public boolean rehearsal() {
        return flags.rehearsal();
    }

    /** Return the factor every window duration and poll interval is multiplied by; 1 unless rehearsing faster. */
    public double windowsScale() {
        return flags.windowsScale();
    }

    /**
     * Tell whether certificates of this environment's endpoints go unchecked ({@code ignore-https-errors: true}, for
     * self-signed staging endpoints): {@code Http} trusts any certificate and {@code Dashboard} ignores HTTPS errors.
     */
    public boolean ignoreHttpsErrors() {
        return flags.ignoreHttpsErrors();
    }

    /** Return a free-form property, or fail naming the known ones. */
    public String property(String key) {
        String value = properties.get(key);
        if (value == null) {
            throw new RunbookConfigurationException("property [" + key + "] is not defined in environment [" + name
                    + "]; known properties: " + new TreeMap<>(properties).keySet() + ". Add it under environments."
                    + name + ".properties in runbook.yaml");
        }
        return value;
    }

    /** Return every free-form property, sorted by key. */
    public Map<String, String> properties() {
        return new TreeMap<>(properties);
    }

    /**
     * Return the health path of each endpoint that has one ({@code health-paths: { api: /health }}), sorted by endpoint:
     * what {@code builtin:http-health} calls.
     */
    public Map<String, String> healthPaths() {
        return new TreeMap<>(healthPaths);
    }

    /** Return the secrets of this environment: every output of the run is redacted with them. */
    public Secrets secrets() {
        return secrets;
    }

    @Override
    public String toString() {
        return "RunbookEnvironment[" + name + "]";
    }
}
