package org.runbookunit.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.runbookunit.Verdict;
import org.runbookunit.evidence.EvidenceItem;
import org.runbookunit.model.RunInfo;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepResult;
import org.runbookunit.secrets.Secrets;

/**
 * Append one JSON line per event of a run to {@code journal.jsonl} and sync it to disk at once, so a run that is
 * killed still shows which steps finished and which was running; {@link JournalReader} reads it back.
 */
final class Journal implements AutoCloseable {

    static final String FILE_NAME = "journal.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel channel;
    private final Secrets secrets;

    private Journal(FileChannel channel, Secrets secrets) {
        this.channel = channel;
        this.secrets = secrets;
    }

    /** Create the run's journal and write its first line: the runbook, its plan, where and when it runs. */
    static Journal start(Path reportDir, RunbookPlan plan, RunInfo info, Instant startedAt, Secrets secrets) {
        try {
            Files.createDirectories(reportDir);
            Journal journal = new Journal(FileChannel.open(reportDir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), secrets);
            ObjectNode line = event("started");
            line.put("runbook", plan.id()).put("title", plan.title()).put("startedAt", startedAt.toString())
                    .put("pid", ProcessHandle.current().pid());
            line.set("info", JSON.valueToTree(info));
            ArrayNode steps = line.putArray("steps");
            plan.steps().forEach(step -> steps.add(JSON.createObjectNode().put("id", step.id().toString())
                    .put("title", step.title()).put("severity", step.severity().name()).put("phase", step.phase())
                    .put("manual", step.manual())));
            journal.append(line);
            return journal;
        } catch (IOException cannotCreate) {
            throw new UncheckedIOException("cannot create " + FILE_NAME + " in " + reportDir, cannotCreate);
        }
    }

    /** Note that a step started running. */
    void began(StepDefinition step, Instant at) {
        append(event("began").put("id", step.id().toString()).put("at", at.toString()));
    }

    /** Note a step's result. */
    void finished(StepResult result) {
        ObjectNode line = event("step").put("id", result.step().id().toString()).put("outcome", result.outcome().name())
                .put("startedAt", result.startedAt().toString()).put("durationMs", result.duration().toMillis())
                .put("message", result.message());
        ArrayNode evidence = line.putArray("evidence");
        for (EvidenceItem item : result.evidence()) {
            evidence.add(JSON.createObjectNode().put("path", item.path()).put("description", item.description()));
        }
        append(line);
    }

    /** Note that the run ended with a verdict and its reports were written. */
    void ended(Verdict verdict, Instant at) {
        append(event("ended").put("verdict", verdict.name()).put("at", at.toString()));
    }

    private static ObjectNode event(String name) {
        return JSON.createObjectNode().put("event", name);
    }

    private synchronized void append(ObjectNode line) {
        try {
            byte[] bytes = (secrets.redact(JSON.writeValueAsString(line)) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot append to " + FILE_NAME, cannotWrite);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // every line was already forced to disk
        }
    }
}
