package org.runbookunit.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.Outcome;
import org.runbookunit.Severity;
import org.runbookunit.Verdict;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.http.Http;
import org.runbookunit.launch.Launch;
import org.runbookunit.launch.RunbookLauncher;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.model.StepResult;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.RunInfo;
import org.runbookunit.internal.run.ConsoleProgress;

/** Core runs a runbook's checks without JUnit: the same order, blocking, gate and report. */
class PlainJavaRunTests {

    private final Path reports = Path.of("target", "plain-runs", UUID.randomUUID().toString());
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void aRunFromPlainJavaBlocksAfterACriticalFailureAndWritesTheReport() throws IOException {
        try (LoopbackServer server = LoopbackServer.start().json("/health", 200, "{\"status\":\"healthy\"}")
                .json("/health/db", 503, "{\"database\":\"disconnected\"}")) {
            RunbookPlan plan = new RunbookPlan("plain", "plain java run", List.of(
                    step(1, "API healthy"), step(2, "Database healthy"), step(3, "Roles listed")));
            Path config = Files.createDirectories(reports).resolve("runbook.yaml");
            Files.writeString(config, "environments:\n  local:\n    endpoints:\n      api: \"" + server.uri() + "\"\n");
            ConfigSource parameters = ConfigSource.of(Map.of(ConfigKeys.REPORTS_DIR, reports.toString(),
                    ConfigKeys.CONFIG, config.toString()));

            RunbookResult result;
            PrintStream original = System.out;
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            try (RunbookLauncher launcher = RunbookLauncher.create(parameters);
                    Launch launch = launcher.start(plan, Optional.empty())) {
                launch.execute(plan.steps().get(0), step -> step.facade(Http.class).get("api", "/health").expectStatus(200));
                launch.execute(plan.steps().get(1), step -> step.facade(Http.class).get("api", "/health/db").expectStatus(200));
                launch.execute(plan.steps().get(2), step -> step.facade(Http.class).get("api", "/demand/roles").expectStatus(200));
                result = launch.finish().orElseThrow();
            } finally {
                System.setOut(original);
            }

            assertThat(result.steps()).extracting(StepResult::outcome)
                    .containsExactly(Outcome.PASSED, Outcome.FAILED, Outcome.BLOCKED);
            assertThat(result.decision().verdict()).isEqualTo(Verdict.NO_GO);
            assertThat(server.requestHeaders()).hasSize(2);
            assertThat(reports.resolve("plain/report.md")).exists();
            assertThat(console.toString(StandardCharsets.UTF_8)).contains(
                    "▶ Runbook: plain java run  [environment: local, 3 steps]",
                    "    ✔ 1 API healthy  (",
                    "    ✘ 2 Database healthy  (",
                    "        ↳ GET api /health/db → 503 in ",
                    "    ⊘ 3 Roles listed  (0 ms)\n        ↳ blocked by 2 Database healthy",
                    "  Verdict: NO-GO  (1 of 2 steps that ran passed, ",
                    "  Report: " + reports.toAbsolutePath().resolve("plain/report.md"));
        }
    }

    @Test
    void aMultiLineAssertionMessageReachesTheConsoleWithTheActualValue() {
        RunbookPlan plan = new RunbookPlan("plain", "plain java run", List.of(step(1, "Roles listed")));
        RunbookRun run = RunbookRun.start(plan, new RunbookEnvironment("local", Map.of()),
                new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.REPORTS_DIR, reports.toString()))),
                new RunInfo("local", "inline", "", "unknown", "tester"),
                new ConsoleProgress(new PrintStream(console, true, StandardCharsets.UTF_8)));
        StepExecution execution = run.begin(plan.steps().get(0));
        try {
            assertThat(List.of("Founding Engineer", "Staff Engineer")).containsExactly("Founding Engineer", "CTO");
        } catch (AssertionError failed) {
            execution.failed(failed);
        }
        run.finish();

        assertThat(console.toString(StandardCharsets.UTF_8)).contains("↳ Expecting actual:",
                "↳ [\"Founding Engineer\", \"Staff Engineer\"]", "↳ but some elements were not found:", "↳ [\"CTO\"]",
                "↳ and others were not expected:", "↳ [\"Staff Engineer\"]").doesNotContain("↳ \n");
    }

    @Test
    void anEarlierReportOfTheSameRunbookIsReplacedNotMixedIn() throws IOException {
        Path stale = Files.createDirectories(reports.resolve("plain/evidence")).resolve("9-01-stale.txt");
        Files.writeString(stale, "from an earlier run");
        RunbookPlan plan = new RunbookPlan("plain", "plain java run", List.of(step(1, "Noop")));

        RunbookRun run = RunbookRun.start(plan, new RunbookEnvironment("local", Map.of()),
                new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.REPORTS_DIR, reports.toString()))),
                new RunInfo("local", "inline", "", "unknown", "tester"),
                new ConsoleProgress(new PrintStream(console, true, StandardCharsets.UTF_8)));
        run.begin(plan.steps().get(0)).passed();
        run.finish();

        assertThat(stale).doesNotExist();
        assertThat(Files.readString(reports.resolve("plain/manifest.sha256"))).doesNotContain("stale");
    }

    private static StepDefinition step(int order, String title) {
        return new StepDefinition(StepId.of(order), title, Severity.CRITICAL, "");
    }
}
