package org.runbookunit.internal.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbookunit.Outcome;
import org.runbookunit.Severity;
import org.runbookunit.ledger.LedgerEntry;
import org.runbookunit.ledger.LedgerStep;

/** Write a ledger entry as one line of JSON ({@code "format": 1}) and read it back; both stores use this form. */
final class LedgerJson {

    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerJson() {
    }

    static String write(LedgerEntry entry) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("runId", entry.runId())
                .put("runbookId", entry.runbookId()).put("title", entry.title()).put("environment", entry.environment())
                .put("commit", entry.commit()).put("runBy", entry.runBy()).put("startedAt", entry.startedAt().toString())
                .put("finishedAt", entry.finishedAt().toString()).put("verdict", entry.verdict())
                .put("rollback", entry.rollback());
        ArrayNode steps = root.putArray("steps");
        for (LedgerStep step : entry.steps()) {
            ObjectNode node = steps.addObject().put("id", step.id()).put("title", step.title())
                    .put("severity", step.severity().name())
                    .put("outcome", step.outcome().name()).put("startedAt", step.startedAt().toString())
                    .put("durationMs", step.duration().toMillis());
            ObjectNode measurements = node.putObject("measurements");
            step.measurements().forEach(measurements::put);
            ObjectNode inventories = node.putObject("inventories");
            step.inventories().forEach((name, items) -> items.forEach(inventories.withArray(name)::add));
        }
        return root.toString();
    }

    static LedgerEntry read(String line) throws IOException {
        JsonNode root = JSON.readTree(line);
        if (root == null || root.path("format").asInt() != FORMAT) {
            throw new IOException("not a ledger entry of format " + FORMAT);
        }
        List<LedgerStep> steps = new ArrayList<>();
        for (JsonNode step : root.path("steps")) {
            Map<String, Double> measurements = new LinkedHashMap<>();
            step.path("measurements").fields().forEachRemaining(field -> measurements.put(field.getKey(),
                    field.getValue().asDouble()));
            Map<String, List<String>> inventories = new LinkedHashMap<>();
            step.path("inventories").fields().forEachRemaining(field -> {
                List<String> items = new ArrayList<>();
                field.getValue().forEach(item -> items.add(item.asText()));
                inventories.put(field.getKey(), items);
            });
            steps.add(new LedgerStep(step.path("id").asText(), step.path("title").asText(),
                    Severity.valueOf(step.path("severity").asText("CRITICAL")),
                    Outcome.valueOf(step.path("outcome").asText()), Instant.parse(step.path("startedAt").asText()),
                    Duration.ofMillis(step.path("durationMs").asLong()), measurements, inventories));
        }
        return new LedgerEntry(root.path("runId").asText(), root.path("runbookId").asText(), root.path("title").asText(),
                root.path("environment").asText(), root.path("commit").asText(), root.path("runBy").asText(),
                Instant.parse(root.path("startedAt").asText()), Instant.parse(root.path("finishedAt").asText()),
                root.path("verdict").asText(), root.path("rollback").asText(), steps);
    }
}
