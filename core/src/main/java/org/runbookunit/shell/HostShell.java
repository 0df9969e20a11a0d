package org.runbookunit.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.Durations;
import org.runbookunit.config.HostSettings;
import org.runbookunit.internal.process.ProcessResult;

/**
 * Run commands on one host of the environment. An immutable value: {@link #readOnly()} and {@link #timeout} copy.
 *
 * <pre>{@code
 * shell.on("app").readOnly().run("systemctl is-active air-demand-api").expectOutput("active");
 * shell.on("old-prod").run("systemctl stop air-demand-scheduler").expectSuccess();   // refused in read-only environments
 * }</pre>
 *
 * <p>The seed runbooks' usual checks are one call each: {@link #checks()}. Copy a file off the host, verified by its
 * checksum, with {@link #download}.
 */
public final class HostShell {

    private final Shell shell;
    private final HostSettings host;
    private final boolean readOnly;
    private final ShellOptions options;

    HostShell(Shell shell, HostSettings host, boolean readOnly, ShellOptions options) {
        this.shell = shell;
        this.host = host;
        this.readOnly = readOnly;
        this.options = options;
    }

    /**
     * Declare that the next commands change nothing on the host, so they also run in a read-only environment. The
     * declaration is the step author's word, recorded in the evidence; nothing inspects the command.
     */
    public HostShell readOnly() {
        return new HostShell(shell, host, true, options);
    }

    /** Give each command this deadline instead of {@code runbook.shell.timeout}. */
    public HostShell timeout(Duration deadline) {
        return new HostShell(shell, host, readOnly, options.withTimeout(deadline));
    }

    /** Keep up to this many bytes of each output stream instead of {@code runbook.shell.max-output}. */
    public HostShell outputCap(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("an output cap must be > 0 bytes but was [" + bytes + "]");
        }
        return new HostShell(shell, host, readOnly, new ShellOptions(options.timeout(), bytes));
    }

    /** Return the host's settings. */
    public HostSettings settings() {
        return host;
    }

    /** Return the seed runbooks' usual host checks (services, processes, disk, memory, cron, file ages, .env). */
    public HostChecks checks() {
        return new HostChecks(readOnly());
    }

    /**
     * Run a command line through the host's shell and return how it ended; fail when it did not finish within the
     * deadline (it is stopped), and refuse it in a read-only environment unless declared {@link #readOnly()} or the
     * step may write.
     */
    public CommandResult run(String command) {
        return runKeepingOutputSecret(command, output -> { });
    }

    /** Run a command; hand its output to {@code beforeEvidence} (to register secrets) before it is saved. */
    CommandResult runKeepingOutputSecret(String command, java.util.function.Consumer<String> beforeEvidence) {
        if (!readOnly && !shell.mayWrite()) {
            throw new ShellException(shell.secrets().redact("command [" + command + "] on host [" + host.name()
                    + "] refused: environment [" + shell.environmentName() + "] is read-only. If the command changes "
                    + "nothing, declare it: shell.on(\"" + host.name() + "\").readOnly().run(…); if it must change the "
                    + "host, mark the step @Destructive and run with " + ConfigKeys.ALLOW_DESTRUCTIVE + "=true"));
        }
        ProcessResult result;
        try {
            CommandRunner runner = shell.connections().to(host, shell::host, options.timeout());
            result = runner.run(command, options.timeout(), options.maxOutput());
        } catch (ShellException cannotRun) {
            throw new ShellException(shell.secrets().redact(cannotRun.getMessage()), cannotRun.getCause());
        }
        beforeEvidence.accept(result.stdout().text());
        String evidence = shell.record(host, command, readOnly, result);
        if (result.timedOut()) {
            throw new ShellExpectationError(shell.secrets().redact("command [" + command + "] on host [" + host.name()
                    + "] did not finish within " + ConfigKeys.SHELL_TIMEOUT + " [" + Durations.format(options.timeout())
                    + "] and was stopped; output so far: " + org.runbookunit.internal.Texts.snippet(result.stdout().text(),
                    300) + "\n  evidence: " + evidence));
        }
        return new CommandResult(host.name(), command, result, shell.secrets(), evidence);
    }

    /**
     * Copy {@code remotePath} (absolute, or relative to the session's folder) off the host into {@code localFile} over
     * SFTP within the deadline, then compare the copy's SHA-256 with the host's {@code sha256sum} of the file; fail
     * naming both when they differ. Reading a file changes nothing on the host, so it also runs in read-only
     * environments. The host needs {@code sha256sum} (GNU coreutils or BusyBox) and an SFTP server.
     */
    public FileCopy download(String remotePath, Path localFile) {
        if (remotePath == null || remotePath.isBlank()) {
            throw new IllegalArgumentException("download needs the path of a file on host [" + host.name() + "] but was ["
                    + remotePath + "]; pass it absolute, or relative to the session's folder");
        }
        long start = System.nanoTime();
        Path target = localFile.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException cannotCreate) {
            throw new ShellException("cannot create the folder " + target.getParent() + " for the download: "
                    + cannotCreate.getMessage(), cannotCreate);
        }
        try {
            shell.connections().to(host, shell::host, options.timeout()).download(remotePath, target, options.timeout());
        } catch (ShellException cannotCopy) {
            throw new ShellException(shell.secrets().redact(cannotCopy.getMessage()), cannotCopy.getCause());
        }
        String local = FileDigest.sha256(target);
        CommandResult hostSum = readOnly().run("sha256sum -- " + ShellQuoting.quote(remotePath)).expectSuccess();
        String remote = hostSum.output().strip().split("\\s+")[0];
        long bytes = FileDigest.size(target);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String evidence = shell.recordDownload(host, remotePath, target, bytes, local, remote, took);
        if (!remote.equals(local)) {
            throw new ShellExpectationError(shell.secrets().redact("[" + remotePath + "] copied from host ["
                    + host.name() + "] has sha256 " + local + " but sha256sum on the host printed " + remote
                    + ": the copy is not the host's file\n  evidence: " + evidence));
        }
        return new FileCopy(host.name(), remotePath, target, bytes, local, took, evidence, shell.secrets());
    }

    String name() {
        return host.name();
    }

    org.runbookunit.secrets.Secrets secrets() {
        return shell.secrets();
    }
}
