package org.runbookunit.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.runbookunit.config.HostSettings;
import org.runbookunit.rehearsal.RehearsalService;

/** Offer the machine that runs the rehearsal as a host of the runbook ({@code local: true}), e.g. {@code harvester}. */
final class RunnerHost implements RehearsalService {

    private final String hostName;

    RunnerHost(String hostName) {
        this.hostName = hostName;
    }

    /** Return a test resource of this module as a file, e.g. {@code seed003/.env.staging}. */
    static Path resource(String name) {
        try {
            return Path.of(RunnerHost.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException missing) {
            throw new IllegalStateException("no test resource [" + name + "] on the class path", missing);
        }
    }

    /** Read one KEY=VALUE of an env file; fail naming the file and the key when it is not set. */
    static String envValue(Path envFile, String key) {
        try {
            return Files.readAllLines(envFile).stream().filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(key.length() + 1)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("[" + envFile + "] sets no " + key + "; add " + key
                            + "=<value>"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public String name() {
        return "runner (host " + hostName + ")";
    }

    @Override
    public void start() {
        // nothing to start: the host's commands run on this machine
    }

    @Override
    public Map<String, HostSettings> hosts() {
        return Map.of(hostName, HostSettings.local(hostName));
    }

    @Override
    public void close() {
        // nothing to stop
    }
}
