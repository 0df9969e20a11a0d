package org.runbookunit.suites;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hold what a {@link Suite} was told. */
record SuiteSpec(String name, List<String> command, Path directory, Map<String, String> environment,
        Optional<Path> report, boolean k6, Duration timeout, Optional<Double> minPassRate, Optional<Integer> minPassed,
        boolean readOnly) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    SuiteSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    SuiteSpec with(Path newDirectory, Map<String, String> newEnvironment) {
        return new SuiteSpec(name, command, newDirectory, newEnvironment, report, k6, timeout, minPassRate, minPassed,
                readOnly);
    }

    SuiteSpec withReport(Path newReport, boolean newK6) {
        return new SuiteSpec(name, command, directory, environment, Optional.of(newReport), newK6, timeout, minPassRate,
                minPassed, readOnly);
    }

    SuiteSpec withTimeout(Duration newTimeout) {
        return new SuiteSpec(name, command, directory, environment, report, k6, newTimeout, minPassRate, minPassed,
                readOnly);
    }

    SuiteSpec withGate(Optional<Double> newMinPassRate, Optional<Integer> newMinPassed) {
        return new SuiteSpec(name, command, directory, environment, report, k6, timeout, newMinPassRate, newMinPassed,
                readOnly);
    }

    SuiteSpec withReadOnly() {
        return new SuiteSpec(name, command, directory, environment, report, k6, timeout, minPassRate, minPassed, true);
    }
}
