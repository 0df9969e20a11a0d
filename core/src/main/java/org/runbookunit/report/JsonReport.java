package org.runbookunit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.runbookunit.Outcome;
import org.runbookunit.model.Rollback;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepResult;

/** Write {@code report.json} in the stable schema documented in {@code docs/report-json.md}. */
final class JsonReport {

    /** The schema's name and version; the version changes only when a field is removed or changes meaning. */
    static final String SCHEMA = "runbookunit-report/1";
    static final String FILE_NAME = "report.json";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    String render(RunbookResult result) throws IOException {
        return mapper.writeValueAsString(document(result));
    }

    private ObjectNode document(RunbookResult result) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.putObject("runbook").put("id", result.plan().id()).put("title", result.plan().title());
        root.put("environment", result.environment());
        root.put("config", result.info().configSource());
        root.put("configSha256", result.info().configSha256());
        root.put("commit", result.info().commit());
        root.put("runBy", result.info().runBy());
        root.put("startedAt", result.startedAt().toString());
        root.put("finishedAt", result.finishedAt().toString());
        root.put("durationMs", result.duration().toMillis());
        root.put("verdict", result.decision().verdict().label());
        rollback(root, result.rollback());
        strings(root.putArray("reasons"), result.decision().reasons());
        strings(root.putArray("warnings"), result.decision().warnings());
        summary(root.putObject("summary"), result);
        ArrayNode steps = root.putArray("steps");
        result.steps().forEach(step -> step(steps.addObject(), step));
        strings(root.putArray("notRun"), notRun(result));
        ArrayNode runEvidence = root.putArray("runEvidence");
        result.runEvidence().forEach(item -> runEvidence.addObject().put("path", item.path())
                .put("description", item.description()));
        return root;
    }

    private static void rollback(ObjectNode root, Rollback rollback) {
        if (rollback.state() == Rollback.State.NONE) {
            root.putNull("rollback");
            return;
        }
        ObjectNode node = root.putObject("rollback").put("state", rollback.state().name())
                .put("summary", rollback.describe());
        rollback.step().ifPresentOrElse(step -> node.put("step", step.step().id().toString()), () -> node.putNull("step"));
    }

    private static void summary(ObjectNode summary, RunbookResult result) {
        summary.put("planned", result.plan().steps().size());
        for (Outcome outcome : Outcome.values()) {
            summary.put(outcome.name().toLowerCase(Locale.ROOT), count(result, outcome));
        }
        summary.put("ran", result.decision().ran());
        summary.put("passRate", Math.round(result.decision().passRate() * 10_000) / 10_000.0);
    }

    private static void step(ObjectNode node, StepResult step) {
        node.put("id", step.step().id().toString());
        node.put("phase", step.step().phase());
        node.put("title", step.step().title());
        node.put("severity", step.step().severity().name());
        node.put("outcome", step.outcome().name());
        node.put("startedAt", step.startedAt().toString());
        node.put("durationMs", step.duration().toMillis());
        node.put("message", step.message());
        ArrayNode evidence = node.putArray("evidence");
        step.evidence().forEach(item -> evidence.addObject().put("path", item.path()).put("description", item.description()));
        step.attestation().ifPresentOrElse(attested -> node.putObject("attestation").put("by", attested.by())
                .put("at", attested.at()).put("note", attested.note()), () -> node.putNull("attestation"));
        step.waiver().ifPresentOrElse(waiver -> node.putObject("waiver").put("reason", waiver.reason())
                .put("owner", waiver.owner()).put("expires", waiver.expires().toString()), () -> node.putNull("waiver"));
    }

    static List<String> notRun(RunbookResult result) {
        Set<StepDefinition> done = result.steps().stream().map(StepResult::step).collect(Collectors.toSet());
        return result.plan().steps().stream().filter(step -> !done.contains(step)).map(StepDefinition::label).toList();
    }

    private static long count(RunbookResult result, Outcome outcome) {
        return result.steps().stream().filter(step -> step.outcome() == outcome).count();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
