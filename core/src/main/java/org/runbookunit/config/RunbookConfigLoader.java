package org.runbookunit.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Load {@code runbook.yaml} from the file named by {@link ConfigKeys#CONFIG} or from the class path. */
public final class RunbookConfigLoader {

    /** The class-path resource read when {@link ConfigKeys#CONFIG} is not set. */
    public static final String DEFAULT_RESOURCE = "runbook.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Load the configuration the settings point at; without a file, only an empty {@code local} environment exists. */
    public RunbookConfig load(RunbookSettings settings, ClassLoader classLoader) {
        Optional<Path> file = settings.configFile();
        if (file.isPresent()) {
            return loadFile(file.get());
        }
        URL resource = classLoader.getResource(DEFAULT_RESOURCE);
        return resource == null ? RunbookConfig.none() : parse("classpath:" + DEFAULT_RESOURCE, resource);
    }

    private RunbookConfig loadFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RunbookConfigurationException(ConfigKeys.CONFIG + " points at a file that does not exist: ["
                    + file.toAbsolutePath() + "]; fix the path or remove the key to use runbook.yaml on the class path");
        }
        try {
            return parse(file.toString(), file.toUri().toURL());
        } catch (IOException badPath) {
            throw new RunbookConfigurationException("cannot read " + file + ": " + badPath.getMessage(), badPath);
        }
    }

    private RunbookConfig parse(String source, URL url) {
        try (InputStream in = url.openStream()) {
            ConfigFile parsed = yaml.readValue(in, ConfigFile.class);
            return new RunbookConfig(source, environments(source, parsed));
        } catch (UnrecognizedPropertyException unknown) {
            throw new RunbookConfigurationException(source + " line " + unknown.getLocation().getLineNr()
                    + ": unknown key [" + unknown.getPropertyName() + "]; valid keys here: "
                    + unknown.getKnownPropertyIds(), unknown);
        } catch (com.fasterxml.jackson.core.JsonProcessingException invalid) {
            throw new RunbookConfigurationException("cannot read " + source + ": " + invalid.getOriginalMessage()
                    + " (line " + invalid.getLocation().getLineNr() + ")", invalid);
        } catch (IOException unreadable) {
            throw new RunbookConfigurationException("cannot read " + source + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private static Map<String, Map<String, URI>> environments(String source, ConfigFile parsed) {
        Map<String, Map<String, URI>> environments = new LinkedHashMap<>();
        if (parsed == null || parsed.environments() == null) {
            throw new RunbookConfigurationException(source + " has no [environments] section; add environments.local.endpoints");
        }
        parsed.environments().forEach((name, spec) -> environments.put(name, endpoints(source, name, spec)));
        return environments;
    }

    private static Map<String, URI> endpoints(String source, String environment, EnvironmentSpec spec) {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        if (spec == null || spec.endpoints() == null) {
            return endpoints;
        }
        spec.endpoints().forEach((name, url) -> endpoints.put(name, endpointUri(source, environment, name, url)));
        return endpoints;
    }

    private static URI endpointUri(String source, String environment, String name, String url) {
        String key = "environments." + environment + ".endpoints." + name;
        try {
            URI uri = URI.create(url == null ? "" : url.trim());
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below with the key and the value
        }
        throw new RunbookConfigurationException(source + ": " + key + " must be an http(s) URL like "
                + "http://api.staging.example:8123 but was [" + url + "]");
    }

    /** The file's top level; plain fields (not records) so Jackson reports unknown keys at their own line. */
    static final class ConfigFile {
        @JsonProperty("environments")
        Map<String, EnvironmentSpec> environments;

        Map<String, EnvironmentSpec> environments() {
            return environments;
        }
    }

    /** One environment's entry. */
    static final class EnvironmentSpec {
        @JsonProperty("endpoints")
        Map<String, String> endpoints;

        Map<String, String> endpoints() {
            return endpoints;
        }
    }
}
