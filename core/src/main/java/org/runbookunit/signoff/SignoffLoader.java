package org.runbookunit.signoff;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.model.Attestation;
import org.runbookunit.model.Waiver;

/**
 * Read the attestations file and the waivers file.
 *
 * <pre>{@code
 * # runbook.attestations                       # runbook.waivers
 * "5.2":                                       - step: "1.4"
 *   by: "Rich Roberts (DevOps)"                  reason: "scraper quota errors, ticket OPS-112"
 *   at: "2025-12-19T10:04:00Z"                   owner: "ops-lead"
 *   note: "droplet powered off, not destroyed"   expires: 2025-12-31
 * }</pre>
 */
public final class SignoffLoader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Read attestations by step id; every entry needs {@code by} and {@code at}. */
    public Map<String, Attestation> attestations(Path file) {
        Map<String, AttestationEntry> entries = read(file, ConfigKeys.ATTESTATIONS,
                yaml.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, AttestationEntry.class));
        Map<String, Attestation> attestations = new LinkedHashMap<>();
        entries.forEach((step, entry) -> {
            require(entry != null && notBlank(entry.by) && notBlank(entry.at), file, "attestation for [" + step
                    + "] needs by and at, e.g. by: \"Jane Doe\", at: \"2025-12-19T10:04:00Z\"");
            attestations.put(step, new Attestation(entry.by.trim(), entry.at.trim(), entry.note == null ? "" : entry.note.trim()));
        });
        return attestations;
    }

    /** Read waivers; every entry needs {@code step}, {@code reason}, {@code owner} and {@code expires} (a date). */
    public List<Waiver> waivers(Path file) {
        List<WaiverEntry> entries = read(file, ConfigKeys.WAIVERS,
                yaml.getTypeFactory().constructCollectionType(List.class, WaiverEntry.class));
        return entries.stream().map(entry -> waiver(file, entry)).toList();
    }

    private Waiver waiver(Path file, WaiverEntry entry) {
        require(entry != null && notBlank(entry.step) && notBlank(entry.reason) && notBlank(entry.owner)
                && notBlank(entry.expires), file, "every waiver needs step, reason, owner and expires (a date like "
                + "2025-12-31)");
        try {
            return new Waiver(entry.step.trim(), entry.reason.trim(), entry.owner.trim(), LocalDate.parse(entry.expires.trim()));
        } catch (DateTimeParseException badDate) {
            throw new RunbookConfigurationException(file + ": waiver for [" + entry.step + "] has expires ["
                    + entry.expires + "]; write a date like 2025-12-31");
        }
    }

    private <T> T read(Path file, String key, com.fasterxml.jackson.databind.JavaType type) {
        if (!Files.isRegularFile(file)) {
            throw new RunbookConfigurationException(key + " points at a file that does not exist: [" + file.toAbsolutePath()
                    + "]; fix the path or remove the key");
        }
        try {
            T value = yaml.readValue(file.toFile(), type);
            if (value == null) {
                throw new RunbookConfigurationException(file + " is empty; remove " + key + " or add entries");
            }
            return value;
        } catch (UnrecognizedPropertyException unknown) {
            throw new RunbookConfigurationException(file + " line " + unknown.getLocation().getLineNr() + ": unknown key ["
                    + unknown.getPropertyName() + "]; valid keys here: " + unknown.getKnownPropertyIds(), unknown);
        } catch (JsonProcessingException invalid) {
            throw new RunbookConfigurationException("cannot read " + file + " (line " + invalid.getLocation().getLineNr()
                    + "): " + invalid.getOriginalMessage(), invalid);
        } catch (IOException unreadable) {
            throw new RunbookConfigurationException("cannot read " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean condition, Path file, String message) {
        if (!condition) {
            throw new RunbookConfigurationException(file + ": " + message);
        }
    }

    /** One attestation entry as written. */
    static final class AttestationEntry {
        @JsonProperty("by")
        String by;
        @JsonProperty("at")
        String at;
        @JsonProperty("note")
        String note;
    }

    /** One waiver entry as written. */
    static final class WaiverEntry {
        @JsonProperty("step")
        String step;
        @JsonProperty("reason")
        String reason;
        @JsonProperty("owner")
        String owner;
        @JsonProperty("expires")
        String expires;
    }
}
