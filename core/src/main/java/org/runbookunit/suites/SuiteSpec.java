package org.runbookunit.suites;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hold what a {@link Suite} was told: {@code directory} as given (none: the runner's working directory, or the login
 * directory on a host) and the host it runs on (none: the runner).
 */
record SuiteSpec(String name, List<String> command, Optional<Path> directory, Map<String, String> environment,
        Optional<Path> report, boolean k6, Duration timeout, Optional<Double> minPassRate, Optional<Integer> minPassed,
        boolean readOnly, Optional<String> host) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    SuiteSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    static SuiteSpec of(String name, List<String> command) {
        return new SuiteSpec(name, command, Optional.empty(), Map.of(), Optional.empty(), false, DEFAULT_TIMEOUT,
                Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    /** Return the folder the command runs in on the runner: the one given, resolved, or the working directory. */
    Path localDirectory() {
        return directory.orElse(Path.of("")).toAbsolutePath();
    }

    SuiteSpec with(Optional<Path> newDirectory, Map<String, String> newEnvironment) {
        return new SuiteSpec(name, command, newDirectory, newEnvironment, report, k6, timeout, minPassRate, minPassed,
                readOnly, host);
    }

    SuiteSpec onHost(String hostName) {
        return new SuiteSpec(name, command, directory, environment, report, k6, timeout, minPassRate, minPassed,
                readOnly, Optional.of(hostName));
    }

    SuiteSpec withReport(Path newReport, boolean newK6) {
        return new SuiteSpec(name, command, directory, environment, Optional.of(newReport), newK6, timeout, minPassRate,
                minPassed, readOnly, host);
    }

    SuiteSpec withTimeout(Duration newTimeout) {
        return new SuiteSpec(name, command, directory, environment, report, k6, newTimeout, minPassRate, minPassed,
                readOnly, host);
    }

    SuiteSpec withGate(Optional<Double> newMinPassRate, Optional<Integer> newMinPassed) {
        return new SuiteSpec(name, command, directory, environment, report, k6, timeout, newMinPassRate, newMinPassed,
                readOnly, host);
    }

    SuiteSpec withReadOnly() {
        return new SuiteSpec(name, command, directory, environment, report, k6, timeout, minPassRate, minPassed, true,
                host);
    }
}
