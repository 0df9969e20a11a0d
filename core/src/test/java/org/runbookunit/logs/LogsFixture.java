package org.runbookunit.logs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.runbookunit.config.HostSettings;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.shell.Shell;
import org.runbookunit.shell.ShellTesting;

/** Build {@link Logs} the way {@link LogsProvider} does, over a real {@link Shell}, with evidence under target/. */
final class LogsFixture implements AutoCloseable {

    final Path reportDir = Path.of("target", "logs-tests", UUID.randomUUID().toString());
    final Instant runStart = Instant.now();
    final RunbookEnvironment environment;
    private final ShellTesting shells = new ShellTesting();
    final Logs logs;

    LogsFixture(Map<String, HostSettings> hosts) {
        environment = new RunbookEnvironment("local", Map.of()).withBinding(Map.of(), Optional.empty(), hosts);
        Evidence evidence = new Evidence(reportDir, "1", environment.secrets());
        logs = new Logs(shells.shell(environment, evidence), new LogScan(runStart, evidence, environment.secrets()),
                Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        shells.close();
    }
}
