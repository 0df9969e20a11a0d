package org.runbookunit.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookConfigLoader;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.Warnings;
import org.runbookunit.internal.process.ProcessRunner;
import org.runbookunit.rehearsal.SshHostService;
import org.runbookunit.shell.Shell;
import org.runbookunit.shell.ShellTesting;
import org.runbookunit.testing.RequiredTool;
import org.runbookunit.testing.SshServer;

/**
 * Run suites on a host through Shell, against a real OpenSSH server on loopback: the host's folder, clock and report.
 * One SSH session serves every test, as one serves a whole run.
 */
class HostSuitesTests {

    private static final Path SCRIPT = Path.of("src/test/resources/suites/junit-suite.sh").toAbsolutePath();
    private static SshHostService server;
    private static ShellTesting shells;

    private final Path project = Path.of("target", "host-suites", UUID.randomUUID().toString()).toAbsolutePath();
    private final Path reportDir = project.resolve("runbook-report");
    private final Evidence evidence = new Evidence(reportDir, "3.1");
    private final Warnings warnings = new Warnings();

    @BeforeAll
    static void startSshd() throws Exception {
        server = SshServer.start("app", Path.of("target", "sshd", "bin-empty"));
        shells = new ShellTesting();
    }

    @AfterAll
    static void stopSshd() {
        if (shells != null) {
            shells.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPytestSuiteOnTheHostWithinItsGatePassesWarnsAndKeepsItsReport() throws IOException {
        RequiredTool.require("pytest", "install it with apt-get install python3-pytest (sshd sessions use "
                + "/usr/bin/python3)", "/usr/bin/python3", "-m", "pytest", "--version");
        writePytestProject();

        SuiteResult result = suites(true).command("pytest smoke", "python3", "-m", "pytest", "-q", "-p",
                "no:cacheprovider", "tests/test_smoke.py", "--junitxml=results/pytest.xml").onHost("app").in(project)
                .environment("EXPECTED_ROLES", "700").junitXml(Path.of("results/pytest.xml")).expectPassRate(0.75).run();

        assertThat(result.passed()).isEqualTo(3);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(failure -> assertThat(failure.message())
                .contains("3 scrape errors in the last hour"));
        assertThat(warnings.all()).singleElement().asString().contains("1 of 4 cases failed within the gate");
        JsonNode saved = new ObjectMapper().readTree(evidenceFile("suite-pytest-smoke.json").toFile());
        assertThat(saved.path("host").asText()).isEqualTo("app");
        assertThat(saved.path("report").asText()).isEqualTo("app:results/pytest.xml");
        assertThat(Files.readString(evidenceFile("suite-pytest-smoke-report.xml"))).contains("test_scrape_errors");
        assertThat(Files.readString(evidenceFile("suite-pytest-smoke-output.log"))).contains("1 failed, 3 passed");
        assertThat(Files.readString(shellEvidence("EXPECTED_ROLES="))).contains("host: app (" + server.settings().address() + ")",
                "command: cd '" + project + "' && EXPECTED_ROLES='700' 'python3' '-m' 'pytest'");
    }

    @Test
    void aScriptSuiteUnderItsGateFailsNamingTheHostReportAndTheFailedCases() throws IOException {
        Files.createDirectories(project);

        assertThatThrownBy(() -> suites(true).command("smoke", SCRIPT.toString(), "40", "8", "results.xml")
                .onHost("app").in(project).junitXml(Path.of("results.xml")).expectPassRate(0.9).run())
                .isInstanceOf(SuiteExpectationError.class)
                .hasMessageContaining("suite [smoke] missed its gate (40/48 passed (83.3 %), 0 skipped, exit code 1)")
                .hasMessageContaining("pass rate: expected >= 90.0 % but was 83.3 %")
                .hasMessageContaining("failed cases (8):\n    smoke.Orders › order 1: expected 200 but was 503");
    }

    @Test
    void aSuitePastItsDeadlineIsStoppedOnTheHostAndFails() throws IOException {
        Files.createDirectories(project);
        String marker = "37." + (System.nanoTime() % 100000);
        long start = System.nanoTime();

        assertThatThrownBy(() -> suites(true).command("slow", "sleep", marker).onHost("app").in(project)
                .junitXml(Path.of("never.xml")).timeout(Duration.ofSeconds(2)).run())
                .isInstanceOf(SuiteExpectationError.class)
                .hasMessageContaining("suite [slow] `sleep " + marker + "` did not finish within 2s; killed it and its "
                        + "child processes on host [app] (stopped there too)");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
        assertThat(running("sleep " + marker)).as("the command still runs on the host").isFalse();
    }

    @Test
    void aReportMissingOnTheHostOrLeftFromAnEarlierRunFails() throws IOException {
        Files.createDirectories(project);
        Path old = Files.writeString(project.resolve("old.xml"), "<testsuite><testcase name=\"stale\"/></testsuite>");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        assertThatThrownBy(() -> suites(true).command("quiet", "true").onHost("app").in(project)
                .junitXml(Path.of("missing.xml")).run())
                .isInstanceOf(SuiteExpectationError.class)
                .hasMessageContaining("suite [quiet] `true` wrote no report at [app:" + project.resolve("missing.xml")
                        + "] during this run (exit code 0)");
        assertThatThrownBy(() -> suites(true).command("quiet", "true").onHost("app").in(project)
                .junitXml(Path.of("old.xml")).run())
                .isInstanceOf(SuiteExpectationError.class)
                .hasMessageContaining("wrote no report at [app:" + project.resolve("old.xml") + "] during this run");
    }

    @Test
    void aReadOnlyEnvironmentRunsOnlySuitesDeclaredReadOnlyOnTheHost() throws IOException {
        Files.createDirectories(project);

        assertThatThrownBy(() -> suites(false).command("smoke", SCRIPT.toString(), "3", "0", "ro.xml").onHost("app")
                .in(project).junitXml(Path.of("ro.xml")).run())
                .isInstanceOf(SuiteException.class).hasMessageContaining("which is read-only; declare it .readOnly()");
        assertThat(project.resolve("ro.xml")).doesNotExist();

        SuiteResult result = suites(false).command("smoke", SCRIPT.toString(), "3", "0", "ro.xml").onHost("app")
                .in(project).junitXml(Path.of("ro.xml")).readOnly().run();
        assertThat(result.passed()).isEqualTo(3);
    }

    @Test
    void aSecretPassedToTheHostNeverReachesTheEvidence() throws IOException {
        Files.createDirectories(project);
        Path config = Files.writeString(project.resolve("runbook.yaml"), """
                environments:
                  local:
                    properties: { token: "${API_TOKEN}" }
                """);
        RunbookEnvironment environment = new RunbookConfigLoader().load(new RunbookSettings(ConfigSource.of(Map.of(
                ConfigKeys.CONFIG, config.toString()))), getClass().getClassLoader())
                .environment("local", Map.of("API_TOKEN", "tok-5e4d3c2b1a"))
                .withBinding(Map.of(), Optional.empty(), Map.of("app", server.settings()));
        Evidence redacted = new Evidence(reportDir, "3.2", environment.secrets());
        Shell shell = shells.shell(environment, redacted);

        new Suites(environment, redacted, true, warnings, () -> shell).command("smoke", SCRIPT.toString(), "2", "0",
                "token.xml").onHost("app").in(project).environment("API_TOKEN", environment.property("token"))
                .junitXml(Path.of("token.xml")).run();

        assertThat(Files.readString(evidenceFile("suite-smoke-output.log"))).contains("token in use: ***");
        try (Stream<Path> files = Files.list(reportDir.resolve("evidence"))) {
            assertThat(files.map(HostSuitesTests::read)).isNotEmpty().noneMatch(text -> text.contains("tok-5e4d3c2b1a"));
        }
    }

    @Test
    void anUnknownHostFailsNamingTheKnownOnes() {
        assertThatThrownBy(() -> suites(true).command("smoke", "true").onHost("db").junitXml(Path.of("x.xml")).run())
                .hasMessageContaining("db").hasMessageContaining("app");
    }

    private Suites suites(boolean mayWrite) {
        RunbookEnvironment environment = new RunbookEnvironment("staging", Map.of())
                .withBinding(Map.of(), Optional.empty(), Map.of("app", server.settings()));
        Shell shell = shells.shell(environment, evidence);
        return new Suites(environment, evidence, mayWrite, warnings, () -> shell);
    }

    private void writePytestProject() throws IOException {
        Files.createDirectories(project.resolve("tests"));
        Files.writeString(project.resolve("tests/test_smoke.py"), """
                import os
                import pytest

                def test_health():
                    assert {"status": "healthy"}["status"] == "healthy"

                def test_roles():
                    assert len(range(759)) > int(os.environ["EXPECTED_ROLES"])

                def test_digest():
                    assert 2 + 2 == 4

                def test_scrape_errors():
                    assert 3 == 0, "3 scrape errors in the last hour"

                @pytest.mark.skip(reason="needs production data")
                def test_backfill():
                    pass
                """);
    }

    private Path evidenceFile(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(reportDir.resolve("evidence"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no evidence file ending in " + suffix));
        }
    }

    private Path shellEvidence(String word) throws IOException {
        try (Stream<Path> files = Files.list(reportDir.resolve("evidence"))) {
            return files.filter(file -> file.getFileName().toString().contains("shell-app")
                    && read(file).contains("command: cd ") && read(file).contains(word)).findFirst()
                    .orElseThrow(() -> new AssertionError("no shell evidence of a command with " + word));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private static boolean running(String commandLine) {
        try {
            return ProcessRunner.command(java.util.List.of("pgrep", "-f", "^" + commandLine + "$"))
                    .timeout(Duration.ofSeconds(10)).run().exitCode() == 0;
        } catch (IOException | InterruptedException cannotAsk) {
            throw new AssertionError("cannot run pgrep", cannotAsk);
        }
    }
}
