package org.runbookunit.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.Outcome;
import org.runbookunit.Severity;
import org.runbookunit.evidence.EvidenceItem;
import org.runbookunit.model.RunInfo;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.model.StepResult;
import org.runbookunit.model.StepRules;

/** Read a run's {@code journal.jsonl} back: its plan, the results it recorded, the step running when it stopped. */
final class JournalReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalReader() {
    }

    /** Read the journal of a report folder, if it has one; a torn last line (the JVM died writing it) is ignored. */
    static Optional<JournaledRun> read(Path reportDir) {
        Path file = reportDir.resolve(Journal.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException cannotRead) {
            throw new UncheckedIOException("cannot read " + file, cannotRead);
        }
    }

    private static Optional<JournaledRun> parse(List<String> lines) {
        JsonNode started = null;
        Map<String, StepDefinition> steps = new LinkedHashMap<>();
        List<StepResult> results = new ArrayList<>();
        Optional<String> running = Optional.empty();
        boolean ended = false;
        for (String text : lines) {
            Optional<JsonNode> parsed = line(text);
            if (parsed.isEmpty()) {
                continue;
            }
            JsonNode line = parsed.get();
            switch (line.path("event").asText()) {
                case "started" -> {
                    started = line;
                    line.path("steps").forEach(step -> steps.put(step.path("id").asText(), definition(step)));
                }
                case "began" -> running = Optional.ofNullable(steps.get(line.path("id").asText())).map(StepDefinition::label);
                case "step" -> {
                    Optional.ofNullable(steps.get(line.path("id").asText())).ifPresent(step -> results.add(result(step, line)));
                    running = Optional.empty();
                }
                case "ended" -> ended = true;
                default -> { }
            }
        }
        if (started == null) {
            return Optional.empty();
        }
        RunbookPlan plan = new RunbookPlan(started.path("runbook").asText(), started.path("title").asText(),
                new ArrayList<>(steps.values()));
        RunInfo info = JSON.convertValue(started.path("info"), RunInfo.class);
        return Optional.of(new JournaledRun(plan, info, Instant.parse(started.path("startedAt").asText()),
                started.path("pid").asLong(), results, running, ended));
    }

    private static Optional<JsonNode> line(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(text));
        } catch (IOException torn) {
            return Optional.empty();
        }
    }

    private static StepDefinition definition(JsonNode step) {
        String[] parts = step.path("id").asText().split("\\.");
        StepId id = parts.length == 2 ? StepId.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]))
                : StepId.of(Integer.parseInt(parts[0]));
        return new StepDefinition(id, step.path("title").asText(), Severity.valueOf(step.path("severity").asText()),
                step.path("phase").asText(), StepRules.ANYWHERE, step.path("manual").asText());
    }

    private static StepResult result(StepDefinition step, JsonNode line) {
        List<EvidenceItem> evidence = new ArrayList<>();
        line.path("evidence").forEach(item -> evidence.add(new EvidenceItem(item.path("path").asText(),
                item.path("description").asText())));
        return new StepResult(step, Outcome.valueOf(line.path("outcome").asText()),
                Instant.parse(line.path("startedAt").asText()), Duration.ofMillis(line.path("durationMs").asLong()),
                line.path("message").asText(), evidence);
    }
}
