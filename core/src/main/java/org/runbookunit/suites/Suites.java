package org.runbookunit.suites;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.Warnings;
import org.runbookunit.shell.Shell;

/**
 * Run an external test suite's command on the runner or, with {@link Suite#onHost}, on a host over SSH (pytest,
 * {@code npm test}, {@code npx playwright test}, k6, a shell script) with a deadline, read its JUnit XML report or k6
 * summary, and gate on its pass rate or passed count. The output, the counts and every failed case are saved as
 * evidence.
 *
 * <pre>{@code
 * @Step(order = 2, value = "Full test suite: 40/48 passing (83 %+)")
 * void fullSuite(Suites suites) {
 *     suites.command("dashboard e2e", "npx", "playwright", "test").in(Path.of("dashboard"))
 *         .endpoint("BASE_URL", "dashboard").junitXml(Path.of("results/junit.xml")).expectPassRate(0.83).run();
 * }
 * }</pre>
 *
 * <p>Without an expectation every case must pass. Skipped cases do not count in the pass rate. In a read-only
 * environment a suite runs only if it is declared {@link Suite#readOnly()} or the step is {@code @Destructive} and
 * allowed.
 */
public final class Suites {

    private final RunbookEnvironment environment;
    private final Evidence evidence;
    private final boolean mayWrite;
    private final Warnings warnings;
    private final Supplier<Shell> shell;

    /**
     * Create the facade for one step.
     *
     * @param environment where endpoints and secrets come from
     * @param evidence where output and results are saved
     * @param mayWrite whether the step may change the environment
     * @param warnings where cases that failed within the gate are noted (the step is WARNED)
     */
    public Suites(RunbookEnvironment environment, Evidence evidence, boolean mayWrite, Warnings warnings) {
        this(environment, evidence, mayWrite, warnings, () -> {
            throw new SuiteException("this Suites has no Shell, so it cannot run suites on a host; let the engine "
                    + "inject Suites into the step");
        });
    }

    /**
     * Create the facade for one step whose suites may run on hosts too.
     *
     * @param environment where endpoints, hosts and secrets come from
     * @param evidence where output and results are saved
     * @param mayWrite whether the step may change the environment
     * @param warnings where cases that failed within the gate are noted (the step is WARNED)
     * @param shell the step's Shell, opened on first use by {@link Suite#onHost}
     */
    public Suites(RunbookEnvironment environment, Evidence evidence, boolean mayWrite, Warnings warnings,
            Supplier<Shell> shell) {
        this.environment = environment;
        this.evidence = evidence;
        this.mayWrite = mayWrite;
        this.warnings = warnings;
        this.shell = shell;
    }

    /** Describe a suite run by a command and its arguments, e.g. {@code ("smoke", "pytest", "tests/test_smoke.py")}. */
    public Suite command(String name, String... command) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a suite needs a name but was [" + name + "]");
        }
        if (command.length == 0 || command[0].isBlank()) {
            throw new IllegalArgumentException("suite [" + name + "] needs a command but was " + Arrays.toString(command));
        }
        return new Suite(this, SuiteSpec.of(name, Arrays.asList(command)));
    }

    String endpointUrl(String endpointName) {
        return environment.endpoint(endpointName).toString();
    }

    SuiteResult run(SuiteSpec spec) {
        if (spec.report().isEmpty()) {
            throw new SuiteException("suite [" + spec.name() + "] reads no report; add .junitXml(path) for the JUnit XML "
                    + "its runner writes (pytest --junitxml, Playwright's junit reporter, Surefire's reports folder) or "
                    + ".k6Summary(path)");
        }
        if (!mayWrite && !spec.readOnly()) {
            throw new SuiteException("suite [" + spec.name() + "] may change environment [" + environment.name()
                    + "], which is read-only; declare it .readOnly() if it only reads, or mark the step @Destructive and "
                    + "run with runbook.allow-destructive=true");
        }
        return spec.host().isPresent() ? onHost(spec) : locally(spec);
    }

    private SuiteResult locally(SuiteSpec spec) {
        Path report = spec.localDirectory().resolve(spec.report().orElseThrow());
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SuiteProcess.Outcome outcome = SuiteProcess.run(spec.command(), spec.localDirectory(), spec.environment(),
                spec.timeout());
        String log = finished(spec, outcome, "");
        if (!written(report, started)) {
            throw failure(spec, "wrote no report at [" + report + "] (exit code " + outcome.exitCode() + ")", log);
        }
        return judgedReport(spec, report, outcome);
    }

    private SuiteResult onHost(SuiteSpec spec) {
        HostSuite run = new HostSuite(shell.get().on(spec.host().orElseThrow()), spec);
        SuiteProcess.Outcome outcome = run.run();
        String log = finished(spec, outcome, " on host [" + spec.host().orElseThrow() + "] (stopped there too)");
        Path copies = temporaryFolder();
        try {
            Path report = run.fetchReport(copies).orElseThrow(() -> failure(spec, "wrote no report at [" + run.where()
                    + "] during this run (exit code " + outcome.exitCode() + ")", log));
            return judgedReport(spec, report, outcome);
        } finally {
            deleteQuietly(copies);
        }
    }

    /** Save the output as evidence, fail when the deadline stopped the command, and return the output's path. */
    private String finished(SuiteSpec spec, SuiteProcess.Outcome outcome, String stoppedWhere) {
        String log = evidence.save("suite " + spec.name() + " output", "log",
                outcome.output().getBytes(java.nio.charset.StandardCharsets.UTF_8), "suite " + spec.name() + " output")
                .path();
        if (outcome.timedOut()) {
            throw failure(spec, "did not finish within " + org.runbookunit.config.Durations.format(spec.timeout())
                    + "; killed it and its child processes" + stoppedWhere, log);
        }
        return log;
    }

    private SuiteResult judgedReport(SuiteSpec spec, Path report, SuiteProcess.Outcome outcome) {
        SuiteResult result = spec.k6() ? K6Checks.read(spec.name(), report, outcome.exitCode(), outcome.elapsed())
                : JUnitReports.read(spec.name(), report, outcome.exitCode(), outcome.elapsed());
        String saved = SuiteEvidence.save(evidence, spec, result, report);
        return judged(spec, result, saved);
    }

    private SuiteResult judged(SuiteSpec spec, SuiteResult result, String evidencePath) {
        List<String> broken = new ArrayList<>();
        double minRate = spec.minPassRate().orElse(spec.minPassed().isPresent() ? 0.0 : 1.0);
        if (result.passed() + result.failed() == 0) {
            broken.add("no test case ran (" + result.skipped() + " skipped)");
        } else if (result.passRate() < minRate) {
            broken.add(String.format(Locale.ROOT, "pass rate: expected >= %.1f %% but was %.1f %%", minRate * 100,
                    result.passRate() * 100));
        }
        spec.minPassed().filter(minimum -> result.passed() < minimum).ifPresent(minimum -> broken.add(
                "passed: expected >= " + minimum + " but was " + result.passed()));
        if (!broken.isEmpty()) {
            throw new SuiteExpectationError(environment.secrets().redact("suite [" + spec.name() + "] missed its gate ("
                    + result.summary() + ", exit code " + result.exitCode() + "):\n  " + String.join("\n  ", broken)
                    + SuiteEvidence.failedCases(result) + "\n  evidence: " + evidencePath));
        }
        if (result.failed() > 0) {
            warnings.add("suite [" + spec.name() + "]: " + result.failed() + " of " + (result.passed() + result.failed())
                    + " cases failed within the gate (" + result.summary() + ")");
        }
        return result;
    }

    private SuiteExpectationError failure(SuiteSpec spec, String what, String log) {
        return new SuiteExpectationError(environment.secrets().redact("suite [" + spec.name() + "] `"
                + String.join(" ", spec.command()) + "` " + what + "\n  output: " + log));
    }

    /** Tell whether the report exists and was written by this run, not left over from an earlier one. */
    private static boolean written(Path report, Instant started) {
        try {
            if (Files.isDirectory(report)) {
                try (var files = Files.list(report)) {
                    return files.anyMatch(file -> file.toString().endsWith(".xml") && newer(file, started));
                }
            }
            return Files.isRegularFile(report) && newer(report, started);
        } catch (java.io.IOException unreadable) {
            return false;
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("runbookunit-suite-report");
        } catch (java.io.IOException cannotCreate) {
            throw new java.io.UncheckedIOException(cannotCreate);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary copy left behind costs nothing but space
        }
    }

    private static boolean newer(Path file, Instant started) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().isBefore(started);
        } catch (java.io.IOException unreadable) {
            return false;
        }
    }
}
