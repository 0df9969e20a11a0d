package org.runbookunit.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.EvidenceItem;

/**
 * Carry a step's measurements from the step to the ledger as evidence files
 * ({@code evidence/<step>-<nn>-<name>.measurement.json}): the report links them, and the run's ledger entry reads them
 * back when the run finishes.
 */
public final class MeasurementEvidence {

    /** The extension of a measurement's evidence file. */
    public static final String EXTENSION = "measurement.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MeasurementEvidence() {
    }

    /** Save a number a step measured, e.g. {@code rows = 747}. */
    public static EvidenceItem save(Evidence evidence, String name, double value) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("measurement", name);
        content.put("value", value);
        return write(evidence, name, content, "measurement " + name + " = " + format(value));
    }

    /** Save a set of names a step found, e.g. the tables and indexes of a schema. */
    public static EvidenceItem save(Evidence evidence, String name, List<String> items) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("inventory", name);
        content.put("items", items.stream().sorted().distinct().toList());
        return write(evidence, name, content, "inventory " + name + " (" + items.size() + " names)");
    }

    /** Tell whether an evidence item is a measurement file. */
    public static boolean isMeasurement(EvidenceItem item) {
        return item.path().endsWith("." + EXTENSION);
    }

    /** Read the measurements and inventories of a step's evidence, later values of a name replacing earlier ones. */
    static void read(Path reportDir, List<EvidenceItem> evidence, Map<String, Double> measurements,
            Map<String, List<String>> inventories) throws IOException {
        for (EvidenceItem item : evidence) {
            if (!isMeasurement(item)) {
                continue;
            }
            JsonNode node = JSON.readTree(reportDir.resolve(item.path()).toFile());
            if (node.has("measurement")) {
                measurements.put(node.get("measurement").asText(), node.get("value").asDouble());
            } else if (node.has("inventory")) {
                List<String> items = new ArrayList<>();
                node.get("items").forEach(value -> items.add(value.asText()));
                inventories.put(node.get("inventory").asText(), items);
            }
        }
    }

    /** Render a number without a needless {@code .0}. */
    public static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.valueOf(value);
    }

    private static EvidenceItem write(Evidence evidence, String name, Map<String, Object> content, String description) {
        try {
            return evidence.save(name, EXTENSION, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content)
                    .getBytes(StandardCharsets.UTF_8), description);
        } catch (IOException notSerializable) {
            throw new LedgerException("cannot write measurement [" + name + "]", notSerializable);
        }
    }
}
