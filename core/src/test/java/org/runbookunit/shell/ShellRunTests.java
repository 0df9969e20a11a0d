package org.runbookunit.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbookunit.Outcome;
import org.runbookunit.Severity;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.HostSettings;
import org.runbookunit.config.RunbookConfigLoader;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.model.RunInfo;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.model.StepResult;
import org.runbookunit.model.StepRules;
import org.runbookunit.rehearsal.SshHostService;
import org.runbookunit.internal.run.ConsoleProgress;
import org.runbookunit.run.RunbookRun;
import org.runbookunit.run.StepExecution;
import org.runbookunit.testing.SshServer;

/** Run Shell steps through the engine (the SPI registration): read-only refusal, the local host, one session per run. */
class ShellRunTests {

    private static SshHostService server;
    private final Path dir = Path.of("target", "shell-runs", UUID.randomUUID().toString());

    @BeforeAll
    static void startSshd() throws Exception {
        server = SshServer.start("app", Path.of("target", "sshd", "bin-empty"));
    }

    @AfterAll
    static void stopSshd() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void inAReadOnlyEnvironmentOnlyDeclaredReadOnlyCommandsRunUnlessADestructiveStepIsAllowed() throws Exception {
        Path marker = dir.resolve("touched").toAbsolutePath();
        RunbookEnvironment production = readOnlyProduction();
        List<StepDefinition> steps = List.of(step(1, "Undeclared write", false), step(2, "Declared read", false),
                step(3, "Allowed destructive", true));

        List<StepResult> results = run(production, Map.of(ConfigKeys.ALLOW_DESTRUCTIVE, "true"), steps, List.of(
                execution -> execution.facade(Shell.class).on("app").run("touch " + marker),
                execution -> execution.facade(Shell.class).on("app").readOnly().run("test ! -e " + marker).expectSuccess(),
                execution -> execution.facade(Shell.class).on("app").run("touch " + marker).expectSuccess()));

        assertThat(results).extracting(StepResult::outcome).containsExactly(Outcome.FAILED, Outcome.PASSED, Outcome.PASSED);
        assertThat(results.get(0).message()).contains("command [touch " + marker + "] on host [app] refused: environment "
                + "[production] is read-only", "readOnly().run(", "@Destructive", "runbook.allow-destructive=true");
        assertThat(marker).exists();
    }

    @Test
    void theLocalHostRunsOnTheRunner() throws Exception {
        RunbookEnvironment local = ShellFixture.environment(Map.of("runner", HostSettings.local("runner")));

        List<StepResult> results = run(local, Map.of(), List.of(step(1, "Runner has a shell", false)), List.of(
                execution -> execution.facade(Shell.class).on("runner").run("echo $((6 * 7))").expectOutput("42")));

        assertThat(results).extracting(StepResult::outcome).containsExactly(Outcome.PASSED);
    }

    @Test
    void stepsOfOneRunShareOneSessionClosedWhenTheRunEnds() throws Exception {
        RunbookEnvironment local = ShellFixture.environment(Map.of("app", server.settings()));
        long before = count("Accepted publickey");

        run(local, Map.of(), List.of(step(1, "First", false), step(2, "Second", false)), List.of(
                execution -> execution.facade(Shell.class).on("app").run("true").expectSuccess(),
                execution -> execution.facade(Shell.class).on("app").run("true").expectSuccess()));

        List<String> accepted = server.logs().lines().filter(line -> line.contains("Accepted publickey")).toList();
        assertThat(accepted.size() - before).isEqualTo(1);
        String clientPort = accepted.get(accepted.size() - 1).replaceAll(".* port (\\d+) .*", "$1");
        for (int wait = 0; wait < 50 && count("Closing connection to 127.0.0.1 port " + clientPort) == 0; wait++) {
            Thread.sleep(100);
        }
        assertThat(count("Closing connection to 127.0.0.1 port " + clientPort)).as("the run closed its session").isOne();
    }

    private RunbookEnvironment readOnlyProduction() throws Exception {
        Files.createDirectories(dir);
        Path yaml = Files.writeString(dir.resolve("runbook.yaml"), "environments:\n  production:\n    read-only: true\n");
        RunbookSettings settings = new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.CONFIG, yaml.toString())));
        return new RunbookConfigLoader().load(settings, getClass().getClassLoader()).environment("production", Map.of())
                .withBinding(Map.of(), Optional.empty(), Map.of("app", server.settings()));
    }

    private List<StepResult> run(RunbookEnvironment environment, Map<String, String> keys, List<StepDefinition> steps,
            List<Consumer<StepExecution>> bodies) {
        Map<String, String> settings = new java.util.HashMap<>(keys);
        settings.put(ConfigKeys.REPORTS_DIR, dir.resolve("reports").toString());
        RunbookPlan plan = new RunbookPlan("shell", "shell run", steps);
        RunbookRun run = RunbookRun.start(plan, environment, new RunbookSettings(ConfigSource.of(settings)),
                new RunInfo(environment.name(), "inline", "", "unknown", "tester"),
                new ConsoleProgress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        for (int index = 0; index < steps.size(); index++) {
            StepExecution execution = run.begin(steps.get(index));
            try {
                bodies.get(index).accept(execution);
                execution.verifyPendingChecks();
                execution.passed();
            } catch (AssertionError | RuntimeException failure) {
                execution.failed(failure);
            }
        }
        RunbookResult result = run.finish();
        return result.steps();
    }

    private long count(String text) {
        return server.logs().lines().filter(line -> line.contains(text)).count();
    }

    private static StepDefinition step(int order, String title, boolean destructive) {
        return new StepDefinition(StepId.of(order), title, Severity.CRITICAL, "",
                new StepRules(Set.of(), Set.of(), destructive));
    }
}
