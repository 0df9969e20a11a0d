package org.runbookunit.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.runbookunit.secrets.Secrets;

/** Turn one environment's raw entry into a {@link RunbookEnvironment}: variables resolved, URLs checked, secrets known. */
final class EnvironmentResolver {

    /** The schemes an endpoint may have: HTTP(S) for Http, Metrics, Alerts, Grafana; redis(s) for Redis. */
    private static final java.util.Set<String> ENDPOINT_SCHEMES = java.util.Set.of("http", "https", "redis", "rediss");

    private final String source;
    private final String name;
    private final Secrets secrets = Secrets.none();
    private final Set<String> missing = new TreeSet<>();
    private final Variables variables;
    private final boolean lenient;

    /**
     * Create a resolver.
     *
     * @param lenient for plan mode: a missing variable becomes {@code unset-<name>} instead of an error
     */
    EnvironmentResolver(String source, String name, Map<String, String> processEnvironment, boolean lenient) {
        this.source = source;
        this.name = name;
        this.lenient = lenient;
        this.variables = new Variables(processEnvironment, secrets, missing);
    }

    Set<String> missing() {
        return missing;
    }

    RunbookEnvironment resolve(ConfigModel.Environment spec) {
        Map<String, URI> endpoints = endpoints(spec.endpoints);
        Optional<DatabaseSettings> database = Optional.ofNullable(spec.database).map(this::database);
        Map<String, String> properties = properties(spec.properties);
        Map<String, HostSettings> hosts = new HostResolver(source, name, variables, secrets,
                () -> !lenient && missing.isEmpty())
                .resolve(spec.hosts);
        if (!missing.isEmpty() && !lenient) {
            throw new RunbookConfigurationException(source + ": environment [" + name + "] uses variables that are not "
                    + "set: " + missing + ". Export them before the run (export " + missing.iterator().next()
                    + "=…) or give a default with ${NAME:-value}; no step was run");
        }
        return new RunbookEnvironment(name, endpoints, database, flags(spec), properties, hosts, secrets,
                healthPaths(spec.healthPaths, endpoints));
    }

    private Map<String, URI> endpoints(Map<String, String> raw) {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((endpoint, template) -> endpoints.put(endpoint, url(endpoint, variables.resolveUrl(template))));
        }
        return endpoints;
    }

    private URI url(String endpoint, String url) {
        String key = "environments." + name + ".endpoints." + endpoint;
        if (missing.isEmpty() || lenient) {
            try {
                URI uri = URI.create(url == null ? "" : url.trim());
                if (uri.getHost() != null && ENDPOINT_SCHEMES.contains(String.valueOf(uri.getScheme()))) {
                    return uri;
                }
            } catch (IllegalArgumentException malformed) {
                // reported below with the key and the value
            }
            throw new RunbookConfigurationException(source + ": " + key + " must be an http(s) URL like "
                    + "http://api.staging.example:8123 (or redis:// for Redis) but was [" + secrets.redact(url) + "]");
        }
        return URI.create("http://unresolved.invalid");
    }

    private Map<String, String> healthPaths(Map<String, String> raw, Map<String, URI> endpoints) {
        Map<String, String> paths = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((endpoint, path) -> {
                String key = "environments." + name + ".health-paths." + endpoint;
                if (!endpoints.containsKey(endpoint)) {
                    throw new RunbookConfigurationException(source + ": " + key + " names no endpoint of [" + name
                            + "]; its endpoints are " + new TreeSet<>(endpoints.keySet()) + ". Add it under endpoints "
                            + "or fix the name");
                }
                if (path == null || !path.startsWith("/")) {
                    throw new RunbookConfigurationException(source + ": " + key + " must be a path starting with / "
                            + "like /health but was [" + path + "]");
                }
                paths.put(endpoint, path);
            });
        }
        return paths;
    }

    private DatabaseSettings database(ConfigModel.Database spec) {
        String prefix = "environments." + name + ".database.";
        if (spec.url == null || spec.url.isBlank()) {
            throw new RunbookConfigurationException(source + ": " + prefix + "url is missing; write the JDBC URL, e.g. "
                    + "jdbc:postgresql://db.example:5432/app");
        }
        String password = variables.resolve(spec.password);
        secrets.add(prefix + "password", password);
        DatabaseSettings settings = new DatabaseSettings(variables.resolveUrl(spec.url), variables.resolve(spec.user), password);
        secrets.addCredentials(settings.user(), password);
        return settings;
    }

    private Map<String, String> properties(Map<String, ConfigModel.Property> raw) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((key, property) -> {
                String value = variables.resolve(property == null ? null : property.value);
                if (property != null && property.secret) {
                    secrets.add("environments." + name + ".properties." + key, value);
                }
                properties.put(key, value == null ? "" : value);
            });
        }
        return properties;
    }

    private EnvironmentFlags flags(ConfigModel.Environment spec) {
        double scale = spec.windowsScale == null ? 1.0 : spec.windowsScale;
        if (!(scale > 0 && scale <= 1)) {
            throw new RunbookConfigurationException(source + ": environments." + name + ".windows-scale must be above 0 "
                    + "and at most 1 (0.01 turns a 30-minute window into 18 s) but was [" + spec.windowsScale + "]");
        }
        return new EnvironmentFlags(Boolean.TRUE.equals(spec.readOnly), Boolean.TRUE.equals(spec.rehearsal), scale,
                Boolean.TRUE.equals(spec.ignoreHttpsErrors));
    }
}
