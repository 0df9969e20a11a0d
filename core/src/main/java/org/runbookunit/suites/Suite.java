package org.runbookunit.suites;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Describe an external test suite's command on the runner or a host; each method returns a new suite, {@link #run()}
 * runs it, reads its report and applies the gate.
 *
 * <pre>{@code
 * suites.command("dashboard e2e", "npx", "playwright", "test").in(Path.of("dashboard"))
 *     .endpoint("BASE_URL", "dashboard").junitXml(Path.of("results/junit.xml"))
 *     .timeout(Duration.ofMinutes(10)).expectPassRate(0.83).run();
 * }</pre>
 */
public final class Suite {

    private final Suites suites;
    private final SuiteSpec spec;

    Suite(Suites suites, SuiteSpec spec) {
        this.suites = suites;
        this.spec = spec;
    }

    /**
     * Run the command in this folder (relative report paths are read from it too); default the working directory, or
     * on a host the login directory.
     */
    public Suite in(Path directory) {
        return new Suite(suites, spec.with(Optional.of(directory), spec.environment()));
    }

    /**
     * Run the command on a host of runbook.yaml's {@code hosts:} over the step's {@link org.runbookunit.shell.Shell}
     * session instead of on the runner: the deadline holds on the host too (its {@code timeout(1)} stops the command),
     * {@link #in} and {@link #junitXml} name paths on that host, and the report is read back over the same session.
     *
     * <pre>{@code
     * suites.command("smoke", "python3", "-m", "pytest", "tests/test_smoke.py", "--junitxml=results/smoke.xml")
     *     .onHost("app").in(Path.of("/srv/air-demand")).junitXml(Path.of("results/smoke.xml")).run();
     * }</pre>
     */
    public Suite onHost(String hostName) {
        if (hostName == null || hostName.isBlank()) {
            throw new IllegalArgumentException("suite [" + spec.name() + "] onHost needs a host name of runbook.yaml "
                    + "hosts: but was [" + hostName + "]");
        }
        return new Suite(suites, spec.onHost(hostName));
    }

    /** Set an environment variable of the command; its value never appears in evidence when it is a secret. */
    public Suite environment(String variable, String value) {
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.put(variable, value);
        return new Suite(suites, spec.with(spec.directory(), environment));
    }

    /** Set an environment variable to an endpoint's URL, e.g. {@code BASE_URL} to the {@code dashboard} endpoint. */
    public Suite endpoint(String variable, String endpointName) {
        return environment(variable, suites.endpointUrl(endpointName));
    }

    /** Read the JUnit XML report (a file, or a folder of {@code *.xml}) the command writes. */
    public Suite junitXml(Path report) {
        return new Suite(suites, spec.withReport(report, false));
    }

    /** Read the k6 summary ({@code --summary-export}) the command writes; its checks are the suite's cases. */
    public Suite k6Summary(Path summary) {
        return new Suite(suites, spec.withReport(summary, true));
    }

    /** Kill the command's whole process tree after this long; default 10 minutes. */
    public Suite timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("suite [" + spec.name() + "] timeout must be a positive duration but was ["
                    + timeout + "]");
        }
        return new Suite(suites, spec.withTimeout(timeout));
    }

    /** Require passed ÷ (passed + failed) of at least this rate, e.g. {@code 0.83} for "40/48 passing (83 %+)". */
    public Suite expectPassRate(double rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("suite [" + spec.name() + "] expectPassRate must be in (0, 1] but was ["
                    + rate + "]; write 0.83 for 83 %");
        }
        return new Suite(suites, spec.withGate(Optional.of(rate), spec.minPassed()));
    }

    /** Require at least this many passed cases, e.g. {@code 40}. */
    public Suite expectPassed(int cases) {
        if (cases < 1) {
            throw new IllegalArgumentException("suite [" + spec.name() + "] expectPassed must be >= 1 but was [" + cases
                    + "]");
        }
        return new Suite(suites, spec.withGate(spec.minPassRate(), Optional.of(cases)));
    }

    /** Declare that the suite changes nothing, so it may run in a read-only environment (smoke checks, GETs only). */
    public Suite readOnly() {
        return new Suite(suites, spec.withReadOnly());
    }

    /** Run the command, read its report, save the evidence and fail with {@link SuiteExpectationError} if it missed. */
    public SuiteResult run() {
        return suites.run(spec);
    }

    @Override
    public String toString() {
        return "suite [" + spec.name() + "] " + String.join(" ", spec.command());
    }
}
