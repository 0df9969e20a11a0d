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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookConfigLoader;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.Warnings;
import org.runbookunit.testing.RequiredTool;

class SuitesTests {

    private static final Path SCRIPT = Path.of("src/test/resources/suites/junit-suite.sh").toAbsolutePath();

    private final Path dir = Path.of("target", "suites-tests", UUID.randomUUID().toString()).toAbsolutePath();
    private final Evidence evidence = new Evidence(dir.resolve("report"), "2.1");
    private final Warnings warnings = new Warnings();
    private final Suites suites = new Suites(new RunbookEnvironment("local", Map.of()), evidence, true, warnings);

    @Test
    void aScriptSuiteWithinItsPassRatePassesWarnsAndListsItsFailedCases() throws IOException {
        Files.createDirectories(dir);
        SuiteResult result = suites.command("smoke", SCRIPT.toString(), "40", "8", "junit.xml").in(dir)
                .junitXml(Path.of("junit.xml")).expectPassRate(0.83).run();

        assertThat(result.passed()).isEqualTo(40);
        assertThat(result.failed()).isEqualTo(8);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.summary()).isEqualTo("40/48 passed (83.3 %), 0 skipped");
        assertThat(result.failures()).hasSize(8).first()
                .isEqualTo(new FailedCase("smoke.Orders", "order 1", "expected 200 but was 503"));
        assertThat(warnings.all()).containsExactly(
                "suite [smoke]: 8 of 48 cases failed within the gate (40/48 passed (83.3 %), 0 skipped)");
        JsonNode saved = new ObjectMapper().readTree(dir.resolve("report/evidence/2.1-02-suite-smoke.json").toFile());
        assertThat(saved.path("failures")).hasSize(8);
        assertThat(Files.readString(dir.resolve("report/evidence/2.1-01-suite-smoke-output.log")))
                .contains("running 48 smoke checks");
        assertThat(dir.resolve("report/evidence/2.1-03-suite-smoke-report.xml")).exists();
    }

    @Test
    void aStricterGateFailsNamingTheMeasureAndTheFailedCases() throws IOException {
        Files.createDirectories(dir);
        assertThatThrownBy(() -> suites.command("smoke", SCRIPT.toString(), "40", "8", "junit.xml").in(dir)
                .junitXml(Path.of("junit.xml")).expectPassed(41).expectPassRate(0.9).run())
                .isInstanceOf(SuiteExpectationError.class)
                .hasMessageStartingWith("suite [smoke] missed its gate (40/48 passed (83.3 %), 0 skipped, exit code 1):\n"
                        + "  pass rate: expected >= 90.0 % but was 83.3 %\n  passed: expected >= 41 but was 40\n"
                        + "  failed cases (8):\n    smoke.Orders › order 1: expected 200 but was 503\n")
                .hasMessageEndingWith("evidence: evidence/2.1-02-suite-smoke.json");
    }

    @Test
    void withoutAnExpectationEveryCaseMustPass() throws IOException {
        Files.createDirectories(dir);
        assertThatThrownBy(() -> suites.command("smoke", SCRIPT.toString(), "47", "1", "junit.xml").in(dir)
                .junitXml(Path.of("junit.xml")).run())
                .hasMessageContaining("pass rate: expected >= 100.0 % but was 97.9 %");
        assertThat(suites.command("smoke", SCRIPT.toString(), "5", "0", "junit.xml").in(dir)
                .junitXml(Path.of("junit.xml")).run().exitCode()).isZero();
    }

    @Test
    void aFolderOfReportsIsReadAsOneSuiteLikeSurefireReports() throws IOException {
        Files.createDirectories(dir.resolve("reports"));
        SuiteResult result = suites.command("modules", "bash", "-c", SCRIPT + " 10 0 reports/TEST-api.xml; "
                + SCRIPT + " 5 1 reports/TEST-web.xml; echo not a report > reports/notes.txt; true").in(dir)
                .junitXml(Path.of("reports")).expectPassed(15).run();

        assertThat(result.summary()).isEqualTo("15/16 passed (93.8 %), 0 skipped");
    }

    @Test
    void theDeadlineKillsTheWholeProcessTree() throws IOException {
        Files.createDirectories(dir);
        Path pids = dir.resolve("pids");
        long start = System.nanoTime();
        assertThatThrownBy(() -> suites.command("hung", "bash", "-c",
                "sleep 120 & echo $! > pids; echo $$ >> pids; sleep 120").in(dir).junitXml(Path.of("junit.xml"))
                .timeout(Duration.ofSeconds(1)).run())
                .isInstanceOf(SuiteExpectationError.class)
                .hasMessageStartingWith("suite [hung] `bash -c sleep 120 & echo $! > pids; echo $$ >> pids; sleep 120` "
                        + "did not finish within 1s; killed it and its child processes\n  output: evidence/2.1-01-");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        for (String pid : Files.readAllLines(pids)) {
            assertThat(running(Long.parseLong(pid.trim()))).as("process " + pid + " was killed").isFalse();
        }
    }

    @Test
    void aReportLeftOverFromAnEarlierRunIsNotRead() throws IOException {
        Files.createDirectories(dir);
        Path stale = Files.writeString(dir.resolve("junit.xml"), "<testsuite><testcase name=\"old\"/></testsuite>");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        assertThatThrownBy(() -> suites.command("crashing", "bash", "-c", "echo boom >&2; exit 2").in(dir)
                .junitXml(Path.of("junit.xml")).run())
                .isInstanceOf(SuiteExpectationError.class)
                .hasMessageContaining("wrote no report at [" + stale + "] (exit code 2)");
        assertThat(Files.readString(dir.resolve("report/evidence/2.1-01-suite-crashing-output.log")))
                .isEqualTo("--- stderr ---\nboom\n");
    }

    @Test
    void aChattySuiteDoesNotBlockOnItsPipes() throws IOException {
        Files.createDirectories(dir);
        SuiteResult result = suites.command("chatty", "bash", "-c",
                "head -c 6000000 /dev/zero | tr '\\0' x; head -c 6000000 /dev/zero | tr '\\0' y >&2; "
                        + SCRIPT + " 3 0 junit.xml")
                .in(dir).junitXml(Path.of("junit.xml")).timeout(Duration.ofSeconds(30)).run();

        assertThat(result.passed()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("report/evidence/2.1-01-suite-chatty-output.log")))
                .contains("more bytes of 6000000 not kept", "--- stderr ---");
    }

    @Test
    void pytestJUnitXmlCountsPassedFailedAndSkippedCases() throws IOException {
        RequiredTool.require("pytest", "install it with apt-get install python3-pytest", "python3", "-m", "pytest", "--version");
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_smoke.py"), """
                import pytest

                def test_health():
                    assert {"status": "healthy"}["status"] == "healthy"

                def test_roles():
                    assert len(range(759)) > 700

                def test_digest():
                    assert 2 + 2 == 4

                def test_scrape_errors():
                    assert 3 == 0, "3 scrape errors in the last hour"

                @pytest.mark.skip(reason="needs production data")
                def test_backfill():
                    pass
                """);

        SuiteResult result = suites.command("pytest smoke", "python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "tests/test_smoke.py", "--junitxml=results/pytest.xml").in(dir)
                .junitXml(Path.of("results/pytest.xml")).expectPassRate(0.75).run();

        assertThat(result.passed()).isEqualTo(3);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.suite()).isEqualTo("tests.test_smoke");
            assertThat(failure.name()).isEqualTo("test_scrape_errors");
            assertThat(failure.message()).contains("3 scrape errors in the last hour");
        });
    }

    @Test
    void secretsInTheCommandOutputAreRedacted() throws IOException {
        RunbookEnvironment environment = environment("""
                environments:
                  local:
                    endpoints: { api: "http://127.0.0.1:9" }
                    properties: { token: "${API_TOKEN}" }
                """, Map.of("API_TOKEN", "tok-9f8e7d6c"));
        Suites secured = new Suites(environment, new Evidence(dir.resolve("report"), "2.1", environment.secrets()), true,
                warnings);

        secured.command("smoke", SCRIPT.toString(), "2", "0", "junit.xml").in(dir).endpoint("BASE_URL", "api")
                .environment("API_TOKEN", environment.property("token")).junitXml(Path.of("junit.xml")).run();

        assertThat(Files.readString(dir.resolve("report/evidence/2.1-01-suite-smoke-output.log")))
                .contains("against http://127.0.0.1:9", "token in use: ***").doesNotContain("tok-9f8e7d6c");
    }

    @Test
    void aReadOnlyEnvironmentRunsOnlySuitesDeclaredReadOnly() throws IOException {
        Files.createDirectories(dir);
        Suites readOnly = new Suites(new RunbookEnvironment("production", Map.of()), evidence, false, warnings);

        assertThatThrownBy(() -> readOnly.command("e2e", SCRIPT.toString(), "1", "0", "junit.xml").in(dir)
                .junitXml(Path.of("junit.xml")).run())
                .isInstanceOf(SuiteException.class)
                .hasMessage("suite [e2e] may change environment [production], which is read-only; declare it .readOnly() "
                        + "if it only reads, or mark the step @Destructive and run with runbook.allow-destructive=true");
        assertThat(dir.resolve("junit.xml")).doesNotExist();
        assertThat(readOnly.command("smoke", SCRIPT.toString(), "1", "0", "junit.xml").in(dir)
                .junitXml(Path.of("junit.xml")).readOnly().run().passed()).isEqualTo(1);
    }

    @Test
    void aK6RunIsJudgedOnItsChecks() throws IOException {
        // k6 is not installed here: the command copies a summary in k6's documented --summary-export format
        Files.createDirectories(dir);
        Path summary = Path.of("src/test/resources/suites/k6-checks-summary.json").toAbsolutePath();
        SuiteResult result = suites.command("k6 agents", "cp", summary.toString(), "summary.json").in(dir)
                .k6Summary(Path.of("summary.json")).expectPassRate(0.99).run();

        assertThat(result.passed()).isEqualTo(14_920);
        assertThat(result.failed()).isEqualTo(30);
        assertThat(result.failures()).containsExactly(new FailedCase("::agents", "execution accepted", "30 of 7475 failed"));
    }

    @Test
    void aSuiteWithoutAReportOrCommandIsRefusedWithTheFix() {
        assertThatThrownBy(() -> suites.command("x", "npm", "test").run())
                .isInstanceOf(SuiteException.class).hasMessageStartingWith("suite [x] reads no report; add .junitXml(path)");
        assertThatThrownBy(() -> suites.command("x")).hasMessage("suite [x] needs a command but was []");
        assertThatThrownBy(() -> suites.command("x", "npm").expectPassRate(83))
                .hasMessage("suite [x] expectPassRate must be in (0, 1] but was [83.0]; write 0.83 for 83 %");
        assertThatThrownBy(() -> suites.command("x", "no-such-runner-here").junitXml(Path.of("j.xml")).run())
                .isInstanceOf(SuiteException.class).hasMessageStartingWith("cannot start [no-such-runner-here] in [");
    }

    /** Tell whether a process still runs: a killed one may linger as a zombie until its new parent reaps it. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        for (int attempt = 0; attempt < 30 && Files.exists(stat); attempt++) {
            try {
                String state = Files.readString(stat).replaceAll("^.*\\) ", "").substring(0, 1);
                if (state.equals("Z") || state.equals("X")) {
                    return false;
                }
                Thread.sleep(100);
            } catch (java.nio.file.NoSuchFileException gone) {
                return false;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return Files.exists(stat);
    }

    private RunbookEnvironment environment(String yaml, Map<String, String> variables) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("runbook.yaml"), yaml);
        RunbookSettings settings = new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.CONFIG, file.toString())));
        return new RunbookConfigLoader().load(settings, getClass().getClassLoader()).environment("local", variables);
    }
}
