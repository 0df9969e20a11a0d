package org.runbookunit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.runbookunit.Outcome;
import org.runbookunit.Verdict;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.history.History;
import org.runbookunit.http.Http;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.internal.ledger.RunLedgers;

/** The embedded file store: what a run records, several writers at once, a half-written line, a ledger that fails. */
class FileLedgerTests {

    private final RunbookPlan plan = new RunbookPlan("daily-health", "daily health", List.of(
            LedgerRuns.step(1, "API healthy"), LedgerRuns.step(2, "Roles counted")));

    @Test
    void aFinishedRunIsRecordedWithItsStepsTimesAndMeasurements() throws IOException {
        try (LoopbackServer api = LoopbackServer.start().json("/health", 200, "{\"status\":\"healthy\"}")
                .json("/demand/roles", 200, "{\"total\":747}")) {
            LedgerRuns runs = LedgerRuns.fileStore().endpoint("api", api.uri());
            RunbookResult result = runs.run(plan, LedgerRuns.at("2026-11-24T06:00:00Z"), List.of(
                    step -> step.facade(Http.class).get("api", "/health").expectStatus(200),
                    step -> {
                        int total = step.facade(Http.class).get("api", "/demand/roles").expectStatus(200)
                                .json("total");
                        step.facade(History.class).record("roles", total).record("p95_ms", 41.5);
                    }));

            List<LedgerEntry> recorded = runs.ledger().runs("daily-health", "production");
            assertThat(recorded).hasSize(1);
            LedgerEntry entry = recorded.get(0);
            assertThat(entry.verdict()).isEqualTo("GO");
            assertThat(entry.commit()).isEqualTo("c0ffee");
            assertThat(entry.startedAt()).isEqualTo(result.startedAt()).hasToString("2026-11-24T06:00:00Z");
            assertThat(entry.finishedAt()).isEqualTo(result.finishedAt());
            assertThat(entry.steps()).extracting(LedgerStep::id, LedgerStep::outcome)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("1", Outcome.PASSED),
                            org.assertj.core.groups.Tuple.tuple("2", Outcome.PASSED));
            assertThat(entry.steps().get(0).duration().toMillis()).isEqualTo(result.steps().get(0).duration().toMillis());
            assertThat(entry.step("2").orElseThrow().measurements()).containsEntry("roles", 747.0)
                    .containsEntry("p95_ms", 41.5);
            assertThat(runs.workDir.resolve("ledger/daily-health.jsonl")).exists();
            JsonNode report = new ObjectMapper().readTree(result.reportDir().resolve("report.json").toFile());
            assertThat(report.at("/steps/1/evidence/1/description").asText()).isEqualTo("measurement roles = 747");
        }
    }

    @Test
    void eightThreadsAppendingAtOnceLoseNoRun() throws Exception {
        LedgerRuns runs = LedgerRuns.fileStore();
        RunLedger ledger = runs.ledger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int writer = 0; writer < 8; writer++) {
            int id = writer;
            done.add(writers.submit(() -> {
                for (int run = 0; run < 25; run++) {
                    ledger.append(Entries.go("daily-health", "2026-11-24T06:00:00Z", "writer-" + id + "-" + run));
                }
            }));
        }
        for (Future<?> writer : done) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        List<LedgerEntry> recorded = ledger.runs("daily-health", "production");
        assertThat(recorded).hasSize(200);
        assertThat(recorded).extracting(LedgerEntry::commit).doesNotHaveDuplicates();
        assertThat(Files.readAllLines(runs.workDir.resolve("ledger/daily-health.jsonl"))).hasSize(200);
    }

    @Test
    void twoJvmsAppendingAtOnceLoseNoRun() throws Exception {
        LedgerRuns runs = LedgerRuns.fileStore();
        Path folder = runs.workDir.resolve("ledger");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> jvms = new ArrayList<>();
        for (String name : List.of("eu", "us")) {
            jvms.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    LedgerAppender.class.getName(), folder.toString(), name, "150").redirectErrorStream(true)
                    .redirectOutput(Files.createDirectories(runs.workDir).resolve(name + ".log").toFile()).start());
        }
        for (Process jvm : jvms) {
            if (!jvm.waitFor(120, TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
            }
            assertThat(jvm.exitValue()).as(Files.readString(runs.workDir.resolve((jvms.indexOf(jvm) == 0 ? "eu" : "us")
                    + ".log"))).isZero();
        }

        List<LedgerEntry> recorded = runs.ledger().runs("daily-health", "production");
        assertThat(recorded).hasSize(300);
        assertThat(recorded).extracting(LedgerEntry::commit).doesNotHaveDuplicates().contains("eu-149", "us-149");
    }

    @Test
    void aLineAKilledWriterLeftHalfWrittenIsSkippedAndLaterRunsStillCount() throws IOException {
        LedgerRuns runs = LedgerRuns.fileStore();
        RunLedger ledger = runs.ledger();
        ledger.append(Entries.go("daily-health", "2026-11-24T06:00:00Z", "first"));
        Path file = runs.workDir.resolve("ledger/daily-health.jsonl");
        Files.writeString(file, "{\"format\":1,\"runId\":\"12", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(file, "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        ledger.append(Entries.go("daily-health", "2026-11-25T06:00:00Z", "second"));

        assertThat(ledger.runs("daily-health", "production")).extracting(LedgerEntry::commit)
                .containsExactly("first", "second");
        assertThat(ledger.runs("daily-health", "staging")).isEmpty();
        assertThat(ledger.runs("another-runbook", "production")).isEmpty();
    }

    @Test
    void aLedgerThatCannotBeWrittenIsAWarningAndTheReportIsComplete() throws IOException {
        LedgerRuns runs = LedgerRuns.fileStore();
        Path notAFolder = Files.createDirectories(runs.workDir).resolve("ledger-is-a-file");
        Files.writeString(notAFolder, "in the way");
        runs.setting(ConfigKeys.LEDGER, notAFolder.toString());

        RunbookResult result = runs.run(new RunbookPlan("noop", "noop", List.of(LedgerRuns.step(1, "Noop"))),
                LedgerRuns.at("2026-11-24T06:00:00Z"), List.of(step -> { }));

        assertThat(result.decision().verdict()).isEqualTo(Verdict.GO);
        assertThat(result.decision().warnings()).singleElement().asString()
                .startsWith("run not recorded in the ledger [" + notAFolder + "]: cannot append to the run ledger file")
                .contains("the report is complete");
        assertThat(runs.console()).contains("    ⚠ run not recorded in the ledger [" + notAFolder + "]");
        JsonNode report = new ObjectMapper().readTree(result.reportDir().resolve("report.json").toFile());
        assertThat(report.path("warnings").get(0).asText()).startsWith("run not recorded in the ledger");
        assertThat(Files.readString(result.reportDir().resolve("report.md"))).contains("run not recorded in the ledger");
        assertThat(Files.readString(result.reportDir().resolve("manifest.sha256"))).contains("report.json");
    }

    @Test
    void aLedgerUrlOfAnotherDatabaseFailsBeforeTheFirstStep() {
        LedgerRuns runs = LedgerRuns.fileStore().setting(ConfigKeys.LEDGER, "jdbc:mysql://ledger.example/runs");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runs.run(new RunbookPlan("noop", "noop",
                List.of(LedgerRuns.step(1, "Noop"))), LedgerRuns.at("2026-11-24T06:00:00Z"), List.of(step -> {
                    throw new AssertionError("no step may run");
                }))).isInstanceOf(org.runbookunit.config.RunbookConfigurationException.class)
                .hasMessage("runbook.ledger supports jdbc:postgresql:// URLs but was [jdbc:mysql://ledger.example/runs]; "
                        + "use a PostgreSQL URL, a folder path for a file store, or off");
    }

    @Test
    void offRecordsNothing() {
        LedgerRuns runs = LedgerRuns.fileStore().setting(ConfigKeys.LEDGER, "off");
        RunbookResult result = runs.run(new RunbookPlan("noop", "noop", List.of(LedgerRuns.step(1, "Noop"))),
                LedgerRuns.at("2026-11-24T06:00:00Z"), List.of(step -> { }));

        assertThat(result.decision().warnings()).isEmpty();
        assertThat(RunLedgers.open(runs.settings(), org.runbookunit.secrets.Secrets.none())).isEmpty();
    }
}
