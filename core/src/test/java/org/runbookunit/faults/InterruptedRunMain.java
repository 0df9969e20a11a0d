package org.runbookunit.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.Severity;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.http.Http;
import org.runbookunit.launch.Launch;
import org.runbookunit.launch.RunbookLauncher;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.windows.Windows;

/**
 * A runbook run in a child JVM that the test stops mid-window: step 1 checks a loopback server, step 2 watches it
 * for a minute (the test kills the JVM meanwhile), step 3 never runs. Arguments: reports folder, API URI.
 */
public final class InterruptedRunMain {

    static final RunbookPlan PLAN = new RunbookPlan("interrupted", "interrupted run", List.of(
            new StepDefinition(StepId.of(1), "API healthy", Severity.CRITICAL, ""),
            new StepDefinition(StepId.of(2), "API healthy for a minute", Severity.CRITICAL, ""),
            new StepDefinition(StepId.of(3), "Roles listed", Severity.CRITICAL, "")));

    private InterruptedRunMain() {
    }

    public static void main(String[] args) throws Exception {
        Path reports = Path.of(args[0]);
        Path config = Files.writeString(Files.createDirectories(reports.getParent()).resolve("runbook.yaml"),
                "environments:\n  local:\n    endpoints:\n      api: \"" + args[1] + "\"\n");
        try (RunbookLauncher launcher = RunbookLauncher.create(ConfigSource.of(Map.of(ConfigKeys.REPORTS_DIR,
                reports.toString(), ConfigKeys.CONFIG, config.toString())));
                Launch launch = launcher.start(PLAN, Optional.empty())) {
            launch.execute(PLAN.steps().get(0), step -> step.facade(Http.class).get("api", "/health").expectStatus(200));
            launch.execute(PLAN.steps().get(1), step -> step.facade(Windows.class).sustain("healthy", Duration.ofMinutes(1),
                    Duration.ofMillis(200), () -> step.facade(Http.class).get("api", "/health").expectStatus(200)));
            launch.execute(PLAN.steps().get(2), step -> step.facade(Http.class).get("api", "/demand/roles").expectStatus(200));
            launch.finish();
        }
    }
}
