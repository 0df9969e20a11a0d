package org.runbookunit.shell;

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
 * <p>The seed runbooks' usual checks are one call each: {@link #checks()}.
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

    String name() {
        return host.name();
    }

    org.runbookunit.secrets.Secrets secrets() {
        return shell.secrets();
    }
}
