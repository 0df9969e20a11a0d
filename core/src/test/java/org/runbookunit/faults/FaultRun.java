package org.runbookunit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.runbookunit.Outcome;
import org.runbookunit.Severity;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.http.Http;
import org.runbookunit.model.RunInfo;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.model.StepResult;
import org.runbookunit.internal.run.ConsoleProgress;
import org.runbookunit.run.RunbookRun;
import org.runbookunit.run.StepExecution;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.SeededSecret;

/**
 * Run three steps from plain Java against a healthy endpoint {@code good} and a misbehaving one {@code api}: a step
 * that passes, the faulty MAJOR step, and a step after it. Every request carries the seeded secret in a header and in
 * the query, so the run's files and console show whether any form of it got through.
 */
final class FaultRun {

    final Path reports = Path.of("target", "faults", UUID.randomUUID().toString()).toAbsolutePath();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Map<String, String> settings = new HashMap<>();
    private RunbookResult result;

    FaultRun() {
        settings.put(ConfigKeys.REPORTS_DIR, reports.toString());
    }

    FaultRun setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** Run the three steps; the fault step gets an {@code Http} with the secret already in a header. */
    FaultRun run(URI api, Consumer<Http> fault) {
        try (LoopbackServer good = LoopbackServer.start().json("/health", 200, "{\"status\":\"healthy\"}")) {
            RunbookEnvironment environment = new RunbookEnvironment("staging", Map.of("good", good.uri(), "api", api));
            environment.secrets().add("${API_KEY}", SeededSecret.VALUE);
            RunbookPlan plan = new RunbookPlan("faults", "fault run", List.of(step(1, "Before", Severity.CRITICAL),
                    step(2, "Fault", Severity.MAJOR), step(3, "After", Severity.CRITICAL)));
            RunbookRun run = RunbookRun.start(plan, environment, new RunbookSettings(ConfigSource.of(settings)),
                    new RunInfo("staging", "inline", "", "unknown", "tester"),
                    new ConsoleProgress(new PrintStream(console, true, StandardCharsets.UTF_8), environment.secrets()));
            execute(run, plan.steps().get(0), FaultRun::healthy);
            execute(run, plan.steps().get(1), fault);
            execute(run, plan.steps().get(2), FaultRun::healthy);
            result = run.finish();
            return this;
        }
    }

    /** Return the path with the secret in its query, as a careless runbook would write it. */
    static String withSecretQuery(String path) {
        return path + "?token=" + URLEncoder.encode(SeededSecret.VALUE, StandardCharsets.UTF_8);
    }

    /** Assert one clear failure of the fault step (WARNED, as MAJOR), the steps around it passed, no secret anywhere. */
    StepResult assertOneClearFailure(String... messageParts) {
        assertThat(result.steps()).extracting(StepResult::outcome)
                .containsExactly(Outcome.PASSED, Outcome.WARNED, Outcome.PASSED);
        StepResult fault = result.steps().get(1);
        assertThat(fault.message()).contains(messageParts);
        assertThat(reports.resolve("faults/report.md")).exists();
        assertThat(SeededSecret.assertAbsentUnder(reports)).isGreaterThan(4);
        SeededSecret.assertAbsent("the console", console());
        SeededSecret.assertAbsent("the step message", fault.message());
        return fault;
    }

    RunbookResult result() {
        return result;
    }

    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static void healthy(Http http) {
        http.withHeader("X-Api-Key", SeededSecret.VALUE).get("good", withSecretQuery("/health")).expectStatus(200);
    }

    private static void execute(RunbookRun run, StepDefinition step, Consumer<Http> check) {
        StepExecution execution = run.begin(step);
        try {
            check.accept(execution.facade(Http.class).withHeader("X-Api-Key", SeededSecret.VALUE));
            execution.verifyPendingChecks();
            execution.passed();
        } catch (AssertionError | RuntimeException failure) {
            execution.failed(failure);
        }
    }

    private static StepDefinition step(int order, String title, Severity severity) {
        return new StepDefinition(StepId.of(order), title, severity, "");
    }
}
