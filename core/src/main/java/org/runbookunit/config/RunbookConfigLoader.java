package org.runbookunit.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException unreadable) {
            throw new RunbookConfigurationException("cannot read " + source + ": " + unreadable.getMessage(), unreadable);
        }
        ConfigModel.File parsed = read(source, bytes);
        if (parsed == null || parsed.environments == null || parsed.environments.isEmpty()) {
            throw new RunbookConfigurationException(source + " has no [environments] section; add environments.local.endpoints");
        }
        Map<String, ConfigModel.Environment> environments = new LinkedHashMap<>();
        parsed.environments.forEach((name, spec) -> environments.put(name, spec == null ? new ConfigModel.Environment() : spec));
        return new RunbookConfig(source, sha256(bytes), environments);
    }

    /**
     * Parse the YAML, failing with a message that names the line, the key path and the fix but never echoes a value
     * (a literal {@code password:} would otherwise reach the console): Jackson's and SnakeYAML's own messages quote
     * the offending source line, so neither they nor their exceptions are passed on.
     */
    private ConfigModel.File read(String source, byte[] bytes) {
        try {
            return yaml.readValue(bytes, ConfigModel.File.class);
        } catch (UnrecognizedPropertyException unknown) {
            throw new RunbookConfigurationException(source + " line " + unknown.getLocation().getLineNr()
                    + ": unknown key [" + unknown.getPropertyName() + "] at " + path(unknown)
                    + ClosestKey.suggestion(unknown.getPropertyName(), unknown.getKnownPropertyIds()));
        } catch (MismatchedInputException wrongType) {
            throw new RunbookConfigurationException(source + " line " + wrongType.getLocation().getLineNr() + ": "
                    + path(wrongType) + " has the wrong type: expected " + typeName(wrongType.getTargetType())
                    + " (the value is not shown: it may be a secret)");
        } catch (JsonProcessingException invalid) {
            throw new RunbookConfigurationException("cannot read " + source + " (line " + invalid.getLocation().getLineNr()
                    + ", column " + invalid.getLocation().getColumnNr() + "): " + withoutSource(invalid.getOriginalMessage())
                    + " (the line is not shown: it may hold a secret)");
        } catch (IOException unreadable) {
            throw new RunbookConfigurationException("cannot read " + source + ": " + unreadable.getMessage(), unreadable);
        }
    }

    /** Keep a parser message's description, dropping the quoted source excerpt and anything in quotes. */
    static String withoutSource(String message) {
        return String.valueOf(message).lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0))
                        && !line.startsWith("^"))
                .map(line -> line.replaceAll("'[^']{2,}'|\"[^\"]{2,}\"", "'…'"))
                .collect(Collectors.joining("; "));
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Map.class.isAssignableFrom(type) || type.getName().startsWith(ConfigModel.class.getName())) {
            return "a section of keys";
        }
        return type == String.class ? "a text" : type.getSimpleName();
    }

    private static String path(JsonMappingException error) {
        return error.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException noSha256) {
            throw new IllegalStateException("this JVM has no SHA-256", noSha256);
        }
    }
}
