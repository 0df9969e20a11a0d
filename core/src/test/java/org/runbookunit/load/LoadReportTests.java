package org.runbookunit.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.Severity;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.model.RunInfo;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.internal.run.ConsoleProgress;
import org.runbookunit.run.RunbookRun;
import org.runbookunit.run.StepExecution;
import org.runbookunit.testing.LoadTargetServer;

/** A probe's per-second timeline is drawn in report.html next to the evidence links. */
class LoadReportTests {

    private final Path reports = Path.of("target", "load-report-tests", UUID.randomUUID().toString());

    @Test
    void reportHtmlDrawsTheProbeTimeline() throws IOException {
        try (LoadTargetServer server = LoadTargetServer.start(4, Duration.ofMillis(5), number -> number % 10 == 0 ? 500 : 200)) {
            RunbookEnvironment environment = new RunbookEnvironment("local", Map.of("api", server.uri()));
            RunbookPlan plan = new RunbookPlan("load", "load report",
                    List.of(new StepDefinition(StepId.of(1), "Auth API under load", Severity.CRITICAL, "")));
            RunbookRun run = RunbookRun.start(plan, environment,
                    new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.REPORTS_DIR, reports.toString()))),
                    new RunInfo("local", "inline", "", "unknown", "tester"),
                    new ConsoleProgress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            StepExecution step = run.begin(plan.steps().get(0));
            LoadResult result = new Load(environment, step.evidence(), true, Duration.ofSeconds(5))
                    .probe("auth api", "api", "/auth/health").arrivalRate(100).duration(Duration.ofMillis(1500)).run();
            step.passed();
            String html = Files.readString(run.finish().reportDir().resolve("report.html"));

            assertThat(result.failed()).isEqualTo(result.requests() / 10);
            assertThat(html).contains("<h2>Load probes</h2>", "<polyline fill=\"none\" stroke=\"#e65100\"",
                    "fill=\"#c62828\"><title>second ", "load auth api: " + result.summary());
        }
    }
}
