package org.runbookunit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.launch.Launch;
import org.runbookunit.launch.RunbookLauncher;
import org.runbookunit.testing.LoopbackServer;

/**
 * A run stopped in the middle of a window keeps what already happened: after SIGTERM the JVM's shutdown hook writes
 * the reports marked INCOMPLETE; after {@code kill -9} the journal still holds every finished step, and the next run
 * (or the one-line {@code IncompleteReport} command) turns it into an INCOMPLETE report kept in {@code previous/}.
 */
class InterruptedRunTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work = Path.of("target", "interrupted-runs", UUID.randomUUID().toString()).toAbsolutePath();
    private final Path reports = work.resolve("reports");
    private final Path reportDir = reports.resolve("interrupted");

    @Test
    void sigtermMidWindowWritesAnIncompleteReportWithTheStepsThatFinished() throws Exception {
        try (LoopbackServer api = LoopbackServer.start().json("/health", 200, "{\"status\":\"healthy\"}")) {
            stopMidWindow(api, Process::destroy);

            JsonNode report = JSON.readTree(reportDir.resolve("report.json").toFile());
            assertThat(report.get("verdict").asText()).isEqualTo("INCOMPLETE");
            assertThat(report.get("steps")).hasSize(1);
            assertThat(report.at("/steps/0/outcome").asText()).isEqualTo("PASSED");
            assertThat(Files.readString(reportDir.resolve("report.md"))).contains("INCOMPLETE",
                    "the JVM was stopped before the run finished", "2 API healthy for a minute was running and has no result",
                    "never ran: 3 Roles listed");
            assertThat(reportDir.resolve("manifest.sha256")).exists();
            assertThat(Files.readString(work.resolve("child.log"))).contains("Verdict: INCOMPLETE");
        }
    }

    @Test
    void afterKillMinusNineTheNextRunReportsTheKilledOneIncompleteInPrevious() throws Exception {
        try (LoopbackServer api = LoopbackServer.start().json("/health", 200, "{\"status\":\"healthy\"}")) {
            stopMidWindow(api, Process::destroyForcibly);
            assertThat(reportDir.resolve("report.json")).doesNotExist();
            assertThat(Files.readString(reportDir.resolve("journal.jsonl"))).contains("\"id\":\"1\",\"outcome\":\"PASSED\"");

            try (RunbookLauncher launcher = RunbookLauncher.create(ConfigSource.of(Map.of(ConfigKeys.REPORTS_DIR,
                    reports.toString(), ConfigKeys.CONFIG, work.resolve("runbook.yaml").toString())));
                    Launch next = launcher.start(InterruptedRunMain.PLAN, Optional.empty())) {
                next.execute(InterruptedRunMain.PLAN.steps().get(0), step -> { });
                next.finish();
            }

            Path previous = reportDir.resolve("previous");
            JsonNode killed = JSON.readTree(previous.resolve("report.json").toFile());
            assertThat(killed.get("verdict").asText()).isEqualTo("INCOMPLETE");
            assertThat(killed.at("/steps/0/outcome").asText()).isEqualTo("PASSED");
            assertThat(Files.readString(previous.resolve("report.md"))).contains("stopped without finishing (killed, "
                    + "e.g. kill -9); found by the next run", "2 API healthy for a minute was running");
            assertThat(Files.readString(reportDir.resolve("manifest.sha256"))).doesNotContain("previous/");
            assertThat(Files.readString(previous.resolve("manifest.sha256"))).contains("report.json", "journal.jsonl");
        }
    }

    @Test
    void theOneLineCommandReportsAKilledRunWithoutWaitingForTheNext() throws Exception {
        try (LoopbackServer api = LoopbackServer.start().json("/health", 200, "{\"status\":\"healthy\"}")) {
            stopMidWindow(api, Process::destroyForcibly);

            Process command = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                    "org.runbookunit.launch.IncompleteReport", reportDir.toString()).redirectErrorStream(true).start();
            String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(command.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(command.exitValue()).as(output).isZero();
            assertThat(output).contains("INCOMPLETE: " + reportDir.resolve("report.md") + " (1 steps recorded)");
            assertThat(Files.readString(reportDir.resolve("report.md"))).contains("INCOMPLETE", "1 of 3 steps recorded");
        }
    }

    /** Run the runbook in a child JVM and stop it (SIGTERM or SIGKILL) once step 2, the minute-long window, began. */
    private void stopMidWindow(LoopbackServer api, java.util.function.Consumer<Process> stop) throws Exception {
        Process child = startChild(api);
        awaitJournal("\"event\":\"began\",\"id\":\"2\"", child);
        stop.accept(child);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private Process startChild(LoopbackServer api) throws IOException {
        Files.createDirectories(work);
        return new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + work, InterruptedRunMain.class.getName(), reportDir.getParent().toString(),
                api.uri().toString()).redirectErrorStream(true).redirectOutput(work.resolve("child.log").toFile()).start();
    }

    private void awaitJournal(String line, Process child) throws IOException, InterruptedException {
        Path journal = reportDir.resolve("journal.jsonl");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(journal) && Files.readString(journal).contains(line)) {
                return;
            }
            assertThat(child.isAlive()).as("child still running: " + Files.readString(work.resolve("child.log"))).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("the journal never showed " + line + ": " + Files.readString(work.resolve("child.log")));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
