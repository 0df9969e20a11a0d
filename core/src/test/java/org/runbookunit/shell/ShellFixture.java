package org.runbookunit.shell;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.runbookunit.config.HostSettings;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;

/** Build a {@link Shell} the way {@link ShellProvider} does, over given hosts, with evidence under target/. */
final class ShellFixture implements AutoCloseable {

    final Path reportDir = Path.of("target", "shell-tests", UUID.randomUUID().toString());
    final Connections connections = new Connections();

    Shell shell(RunbookEnvironment environment, boolean mayWrite, ShellOptions options) {
        return new Shell(environment, connections, options, new Evidence(reportDir, "1", environment.secrets()), mayWrite);
    }

    Shell shell(Map<String, HostSettings> hosts) {
        return shell(environment(hosts), true, ShellOptions.defaults());
    }

    static RunbookEnvironment environment(Map<String, HostSettings> hosts) {
        return new RunbookEnvironment("local", Map.of()).withBinding(Map.of(), Optional.empty(), hosts);
    }

    @Override
    public void close() {
        connections.close();
    }
}
