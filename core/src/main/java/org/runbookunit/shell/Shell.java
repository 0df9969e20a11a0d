package org.runbookunit.shell;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import org.runbookunit.config.HostSettings;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.secrets.Secrets;

/**
 * Run commands on the environment's hosts (runbook.yaml {@code hosts:}): over SSH, with the host key always verified
 * against the configured known-hosts file, or on the runner itself for {@code local: true}. One SSH session per host
 * serves the whole run. Every command has a deadline ({@code runbook.shell.timeout}, default 30 s) and capped output
 * ({@code runbook.shell.max-output}); command, output and exit code are saved as redacted evidence.
 *
 * <pre>{@code
 * @Step(order = 1, value = "API and scheduler active")
 * void services(Shell shell) {
 *     shell.on("app").checks().serviceActive("air-demand-api").serviceActive("air-demand-scheduler");
 * }
 * }</pre>
 *
 * <p>In a {@code read-only} environment only commands declared {@link HostShell#readOnly()} run, unless the step is
 * {@code @Destructive} and {@code runbook.allow-destructive=true}.
 */
public final class Shell {

    private final RunbookEnvironment environment;
    private final Connections connections;
    private final ShellOptions options;
    private final Evidence evidence;
    private final boolean mayWrite;

    Shell(RunbookEnvironment environment, Connections connections, ShellOptions options, Evidence evidence,
            boolean mayWrite) {
        this.environment = environment;
        this.connections = connections;
        this.options = options;
        this.evidence = evidence;
        this.mayWrite = mayWrite;
    }

    /** Address a host by its name in runbook.yaml; fail naming the known hosts when it is not there. */
    public HostShell on(String hostName) {
        return new HostShell(this, host(hostName), false, options);
    }

    /** Return a copy whose commands have this deadline instead of {@code runbook.shell.timeout}. */
    public Shell withTimeout(Duration timeout) {
        return new Shell(environment, connections, options.withTimeout(timeout), evidence, mayWrite);
    }

    /**
     * Expect nothing to accept a TCP connection at an endpoint's host and port within {@code within}, e.g. the old
     * production API once its droplet is powered off. Tried from the runner.
     */
    public Shell expectEndpointUnreachable(String endpoint, Duration within) {
        URI uri = environment.endpoint(endpoint);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return expectClosed("endpoint [" + endpoint + "]", uri.getHost(), port, within);
    }

    /** Expect a host's SSH port to accept no TCP connection within {@code within}: the machine is off or unreachable. */
    public Shell expectHostUnreachable(String hostName, Duration within) {
        HostSettings host = host(hostName);
        if (host.local()) {
            throw new IllegalArgumentException("host [" + hostName + "] is the runner itself (local: true); it is "
                    + "always reachable");
        }
        return expectClosed("host [" + hostName + "]", host.hostname(), host.port(), within);
    }

    private Shell expectClosed(String what, String hostname, int port, Duration within) {
        String result;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostname, port), (int) Math.max(1, within.toMillis()));
            result = "accepted a connection";
        } catch (IOException unreachable) {
            result = "unreachable: " + unreachable.getClass().getSimpleName() + " " + unreachable.getMessage();
        }
        evidence.text("unreachable " + what, what + " at " + hostname + ":" + port + " " + result + "\n");
        if (result.startsWith("accepted")) {
            throw new ShellExpectationError(secrets().redact(what + " at " + hostname + ":" + port + " accepted a TCP "
                    + "connection, expected it to be unreachable (powered off, stopped or firewalled)"));
        }
        return this;
    }

    HostSettings host(String hostName) {
        return environment.host(hostName);
    }

    boolean mayWrite() {
        return mayWrite;
    }

    Secrets secrets() {
        return environment.secrets();
    }

    String environmentName() {
        return environment.name();
    }

    Connections connections() {
        return connections;
    }

    /** Save what a download copied, and both checksums, as evidence and return the file's path. */
    String recordDownload(HostSettings host, String remotePath, java.nio.file.Path localFile, long bytes, String localSha,
            String hostSha, Duration took) {
        String text = "host: " + host.name() + " (" + host.address() + ")\ndownload: " + remotePath + "\nto: " + localFile
                + "\nbytes: " + bytes + "\nsha256 of the copy: " + localSha + "\nsha256sum on the host: " + hostSha
                + "\nmatch: " + (localSha.equals(hostSha) ? "yes" : "NO") + "\nduration: " + took.toMillis() + " ms\n";
        return evidence.text("download " + host.name() + " " + remotePath, text).path();
    }

    /** Save a command, its exit code and outputs as evidence and return the file's path. */
    String record(HostSettings host, String command, boolean declaredReadOnly, ProcessResult result) {
        String text = "host: " + host.name() + " (" + host.address() + ")\ncommand: " + command
                + "\ndeclared read-only: " + (declaredReadOnly ? "yes" : "no") + "\nexit code: " + result.exitCode()
                + (result.timedOut() ? " (stopped at the deadline)" : "") + "\nduration: " + result.duration().toMillis()
                + " ms\n--- stdout (" + result.stdout().totalBytes() + " bytes) ---\n" + result.stdout().describe()
                + "\n--- stderr (" + result.stderr().totalBytes() + " bytes) ---\n" + result.stderr().describe() + "\n";
        return evidence.text("shell " + host.name() + " " + command, text).path();
    }
}
