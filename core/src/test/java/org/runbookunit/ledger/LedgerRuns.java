package org.runbookunit.ledger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.runbookunit.Severity;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.internal.engine.FacadeRegistry;
import org.runbookunit.internal.engine.SharedResources;
import org.runbookunit.model.RunInfo;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.internal.run.ConsoleProgress;
import org.runbookunit.run.Facades;
import org.runbookunit.run.RunbookRun;
import org.runbookunit.run.StepExecution;
import org.runbookunit.internal.signoff.Signoffs;
import org.runbookunit.internal.ledger.RunLedgers;

/** Run small runbooks from plain Java under a fixed clock, recording into one ledger, as a week of CI runs would. */
final class LedgerRuns {

    final Path workDir = Path.of("target", "ledger-tests", UUID.randomUUID().toString()).toAbsolutePath();
    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, URI> endpoints = new HashMap<>();
    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    LedgerRuns(String ledger) {
        settings.put(ConfigKeys.REPORTS_DIR, workDir.resolve("reports").toString());
        settings.put(ConfigKeys.LEDGER, ledger);
    }

    /** Use the file store in a fresh folder under target/. */
    static LedgerRuns fileStore() {
        LedgerRuns runs = new LedgerRuns("");
        runs.settings.put(ConfigKeys.LEDGER, runs.workDir.resolve("ledger").toString());
        return runs;
    }

    LedgerRuns setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    LedgerRuns endpoint(String name, URI uri) {
        endpoints.put(name, uri);
        return this;
    }

    RunbookSettings settings() {
        return new RunbookSettings(ConfigSource.of(settings));
    }

    RunLedger ledger() {
        return RunLedgers.open(settings(), org.runbookunit.secrets.Secrets.none()).orElseThrow();
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    static StepDefinition step(int order, String title) {
        return new StepDefinition(StepId.of(order), title, Severity.CRITICAL, "");
    }

    /** Run a plan at an instant: each step's body runs in order, blocked after a CRITICAL failure. */
    RunbookResult run(RunbookPlan plan, Clock clock, List<Consumer<StepExecution>> bodies) {
        RunbookEnvironment environment = new RunbookEnvironment("production", endpoints);
        RunbookRun run = RunbookRun.start(plan, environment, settings(), new RunInfo("production", "inline", "",
                "c0ffee", "ci"), Signoffs.none(), new ConsoleProgress(new PrintStream(console, true,
                        StandardCharsets.UTF_8)), Facades.of(FacadeRegistry.load(getClass().getClassLoader()),
                                new SharedResources()), clock);
        for (int i = 0; i < plan.steps().size(); i++) {
            StepDefinition step = plan.steps().get(i);
            if (run.rollbackNotNeeded(step).isPresent()) {
                run.skip(step, RunbookRun.NO_FAILURE);
                continue;
            }
            if (run.blocker(step).isPresent()) {
                run.block(step);
                continue;
            }
            StepExecution execution = run.begin(step);
            try {
                bodies.get(i).accept(execution);
                execution.verifyPendingChecks();
                execution.passed();
            } catch (AssertionError | RuntimeException failure) {
                execution.failed(failure);
            }
        }
        return run.finish();
    }

    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }
}
