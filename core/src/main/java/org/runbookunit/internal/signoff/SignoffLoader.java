package org.runbookunit.internal.signoff;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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
 * air-demand-post-cutover-monitoring:          - step: "1.4"
 *   "5.2":                                       reason: "scraper quota errors, ticket OPS-112"
 *     by: "Rich Roberts (DevOps)"                owner: "ops-lead"
 *     at: "2025-12-19T10:04:00Z"                 expires: 2025-12-31
 *     note: "droplet powered off, not destroyed"
 * }</pre>
 */
public final class SignoffLoader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Read attestations by runbook id, then step id; every entry needs {@code by} and {@code at} (an instant or a
     * date). A file written per step only (the old form) is refused: attestations are scoped to a runbook.
     */
    public Map<String, Map<String, Attestation>> attestations(Path file) {
        refuseUnscoped(file, read(file, ConfigKeys.ATTESTATIONS, yaml.getTypeFactory().constructType(JsonNode.class)));
        Map<String, Map<String, AttestationEntry>> entries = read(file, ConfigKeys.ATTESTATIONS,
                yaml.getTypeFactory().constructMapType(LinkedHashMap.class, yaml.getTypeFactory().constructType(String.class),
                        yaml.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, AttestationEntry.class)));
        Map<String, Map<String, Attestation>> byRunbook = new LinkedHashMap<>();
        entries.forEach((runbook, steps) -> {
            require(steps != null, file, "runbook [" + runbook + "] has no attestations; remove it or add steps");
            Map<String, Attestation> attested = new LinkedHashMap<>();
            steps.forEach((step, entry) -> attested.put(step, attestation(file, runbook, step, entry)));
            byRunbook.put(runbook, attested);
        });
        return byRunbook;
    }

    private static void refuseUnscoped(Path file, JsonNode tree) {
        tree.fields().forEachRemaining(entry -> require(!entry.getValue().has("by") && !entry.getValue().has("at"), file,
                "attestations are scoped to a runbook, but [" + entry.getKey() + "] holds by and at directly; write "
                        + "the runbook id first:\n<runbook-id>:\n  \"" + entry.getKey() + "\":\n    by: …\n    at: …"));
    }

    private static Attestation attestation(Path file, String runbook, String step, AttestationEntry entry) {
        require(entry != null && notBlank(entry.by) && notBlank(entry.at), file, "attestation for [" + runbook + "] ["
                + step + "] needs by and at, e.g. by: \"Jane Doe\", at: \"2025-12-19T10:04:00Z\"");
        Attestation attestation = new Attestation(entry.by.trim(), entry.at.trim(), entry.note == null ? ""
                : entry.note.trim());
        require(attestation.time().isPresent(), file, "attestation for [" + runbook + "] [" + step + "] has at ["
                + entry.at + "]; write an instant like 2025-12-19T10:04:00Z or a date like 2025-12-19");
        return attestation;
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
