package org.runbookunit.shell;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.runbookunit.config.HostSettings;
import org.runbookunit.internal.engine.Closer;

/**
 * Keep one SSH session per host for the whole test run, opened on first use and reopened when it dropped; closed when
 * the run ends. The runner itself needs no connection.
 */
final class Connections implements AutoCloseable {

    private static final LocalCommands LOCAL = new LocalCommands();

    private final Map<HostSettings, SshConnection> open = new LinkedHashMap<>();

    /** Return the runner for a host, connecting (its jump host first) within the deadline when needed. */
    synchronized CommandRunner to(HostSettings host, Function<String, HostSettings> hosts, Duration timeout) {
        return host.local() ? LOCAL : ssh(host, hosts, timeout);
    }

    private SshConnection ssh(HostSettings host, Function<String, HostSettings> hosts, Duration timeout) {
        SshConnection existing = open.get(host);
        if (existing != null && existing.isOpen()) {
            return existing;
        }
        if (existing != null) {
            existing.close();
        }
        Optional<SshConnection> jump = host.jump().map(name -> ssh(hosts.apply(name), hosts, timeout));
        SshConnection connection = SshConnection.open(host, jump, timeout);
        open.put(host, connection);
        return connection;
    }

    @Override
    public synchronized void close() {
        Closer closer = new Closer();
        java.util.List<SshConnection> lastFirst = new java.util.ArrayList<>(open.values());
        java.util.Collections.reverse(lastFirst);
        lastFirst.forEach(closer::close);
        open.clear();
        closer.rethrow();
    }
}
