package org.runbookunit.shell;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.runbookunit.config.HostSettings;
import org.runbookunit.internal.process.CappedOutputStream;
import org.runbookunit.internal.process.ProcessResult;

/**
 * Run one command on an exec channel with its outputs capped and a deadline that holds on the host too.
 *
 * <p>SSH cannot stop a remote command by itself: closing the channel leaves it running, and OpenSSH ignores "signal"
 * requests for root logins. So the command runs under the host's {@code timeout} (GNU coreutils or BusyBox), which
 * terminates its whole process group at the deadline and kills it 2 s later, in the user's login shell
 * ({@code $SHELL -c}). On a host without {@code timeout} the command runs as given and only the channel is closed at the
 * deadline. Here, a channel still open 5 s after the deadline is closed too.
 */
final class SshExec {

    private static final int KILL_AFTER_SECONDS = 2;
    private static final Duration SLACK = Duration.ofSeconds(KILL_AFTER_SECONDS + 3);
    private static final Set<Integer> TIMEOUT_EXITS = Set.of(124, 128 + 9);

    private final ClientSession session;
    private final HostSettings host;

    SshExec(ClientSession session, HostSettings host) {
        this.session = session;
        this.host = host;
    }

    /** Run under the host's {@code timeout}; when the host has none, run it as given. */
    ProcessResult run(String command, Duration timeout, int cap) {
        ProcessResult result = exec(wrapped(command, timeout), timeout, cap, true);
        if (result.exitCode() == 127 && result.stderr().text().matches("(?s).*\\btimeout\\b.*not found.*")) {
            return exec(command, timeout, cap, false);
        }
        return result;
    }

    private ProcessResult exec(String line, Duration timeout, int cap, boolean hostStopsIt) {
        long start = System.nanoTime();
        CappedOutputStream out = new CappedOutputStream(cap);
        CappedOutputStream err = new CappedOutputStream(cap);
        try (ChannelExec channel = session.createExecChannel(line)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(timeout);
            Duration wait = (hostStopsIt ? timeout.plus(SLACK) : timeout).minusNanos(System.nanoTime() - start);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                    wait.isNegative() ? Duration.ZERO : wait);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            boolean stillOpen = events.contains(ClientChannelEvent.TIMEOUT);
            if (stillOpen) {
                channel.close(true);
            }
            int exitCode = exitCode(channel);
            boolean timedOut = stillOpen || TIMEOUT_EXITS.contains(exitCode) && took.compareTo(timeout) >= 0;
            return new ProcessResult(exitCode, out.snapshot(), err.snapshot(), took, timedOut);
        } catch (IOException | RuntimeException failure) {
            throw new ShellException("cannot run a command on host [" + host.name() + "] " + host.address() + ": "
                    + failure.getMessage(), failure);
        }
    }

    private static String wrapped(String command, Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return "timeout -k " + KILL_AFTER_SECONDS + " " + seconds + " \"${SHELL:-/bin/sh}\" -c "
                + ShellQuoting.quote(command);
    }

    private static int exitCode(ChannelExec channel) {
        Integer status = channel.getExitStatus();
        if (status != null) {
            return status;
        }
        return channel.getExitSignal() != null ? 128 + 9 : -1;
    }
}
