package org.runbookunit.shell;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Check what the seed runbooks check on a host, one read-only command each: systemd units, processes, free disk and
 * memory, crontab entries, file ages, a remote {@code .env}. Each returns this, or throws a
 * {@link ShellExpectationError} with what the host answered.
 *
 * <pre>{@code
 * shell.on("app").checks().serviceActive("air-demand-api").processRunning("uvicorn app.main")
 *     .freeDiskAtLeast("/", 1L << 30).crontabContains("*&#47;5 * * * * /root/air-demand/scripts/monitor_health.sh");
 * }</pre>
 */
public final class HostChecks {

    private static final Set<String> STOPPED = Set.of("inactive", "failed");

    private final HostShell host;

    HostChecks(HostShell host) {
        this.host = host;
    }

    /** Expect a systemd unit to be active: {@code systemctl is-active UNIT} prints {@code active}. */
    public HostChecks serviceActive(String unit) {
        host.run("systemctl is-active " + ShellQuoting.quote(unit)).expectOutput("active").expectSuccess();
        return this;
    }

    /** Expect a systemd unit to be stopped: {@code systemctl is-active UNIT} prints {@code inactive} or {@code failed}. */
    public HostChecks serviceInactive(String unit) {
        CommandResult result = host.run("systemctl is-active " + ShellQuoting.quote(unit));
        String state = result.output().strip();
        if (!STOPPED.contains(state)) {
            throw failure(result, "unit [" + unit + "] is [" + state + "], expected it stopped (inactive or failed)");
        }
        return this;
    }

    /** Expect a process whose command line matches the regular expression {@code pattern}: {@code pgrep -f}. */
    public HostChecks processRunning(String pattern) {
        host.run(pgrep(pattern)).expectExitCode(0);
        return this;
    }

    /** Expect no process whose command line matches {@code pattern}, e.g. the old scheduler after the cutover. */
    public HostChecks processNotRunning(String pattern) {
        CommandResult result = host.run(pgrep(pattern));
        if (result.exitCode() != 1) {
            throw failure(result, "processes matching [" + pattern + "] run: " + result.outputLines());
        }
        return this;
    }

    /** Expect at least {@code bytes} free for unprivileged users on the file system holding {@code path}: {@code df -Pk}. */
    public HostChecks freeDiskAtLeast(String path, long bytes) {
        CommandResult result = host.run("df -Pk " + ShellQuoting.quote(path)).expectSuccess();
        long free = HostFacts.dfAvailableBytes(result);
        if (free < bytes) {
            throw failure(result, "has " + HostFacts.human(free) + " free on [" + path + "], expected at least "
                    + HostFacts.human(bytes));
        }
        return this;
    }

    /** Expect at least {@code bytes} of available memory: {@code MemAvailable} of {@code /proc/meminfo}. */
    public HostChecks freeMemoryAtLeast(long bytes) {
        CommandResult result = host.run("cat /proc/meminfo").expectSuccess();
        long available = HostFacts.memAvailableBytes(result);
        if (available < bytes) {
            throw failure(result, "has " + HostFacts.human(available) + " of memory available, expected at least "
                    + HostFacts.human(bytes));
        }
        return this;
    }

    /** Expect the user's crontab ({@code crontab -l}) to hold an active line containing {@code entry}, spaces aside. */
    public HostChecks crontabContains(String entry) {
        CommandResult result = host.run("crontab -l").expectSuccess();
        if (!HostFacts.crontabHas(result.outputLines(), entry)) {
            throw failure(result, "crontab has no active line containing [" + entry + "]");
        }
        return this;
    }

    /** Expect a file to have been modified at most {@code maxAge} ago by the host's clock: {@code stat -c %Y}, {@code date +%s}. */
    public HostChecks fileFresherThan(String path, Duration maxAge) {
        Duration age = fileAge(path);
        if (age.compareTo(maxAge) > 0) {
            throw new ShellExpectationError("file [" + path + "] on host [" + host.name() + "] was modified "
                    + HostFacts.human(age) + " ago, expected at most " + HostFacts.human(maxAge) + " ago");
        }
        return this;
    }

    /** Return how long ago a file was modified, by the host's clock. */
    public Duration fileAge(String path) {
        CommandResult result = host.run("stat -c %Y " + ShellQuoting.quote(path) + " && date +%s").expectSuccess();
        return HostFacts.age(result);
    }

    /**
     * Read a remote {@code .env} file (KEY=VALUE lines): every value becomes a secret of the run (redacted everywhere,
     * the file's content is kept out of the evidence), and each required key must be present with a value.
     */
    public Map<String, String> readEnv(String path, String... requiredKeys) {
        return new RemoteEnv(host).read(path, List.of(requiredKeys));
    }

    private String pgrep(String pattern) {
        return "pgrep -f -a -- " + ShellQuoting.quote(ShellQuoting.notSelfMatching(pattern));
    }

    private ShellExpectationError failure(CommandResult result, String what) {
        return new ShellExpectationError(host.secrets().redact("host [" + host.name() + "] " + what + " (command ["
                + result.command() + "], exit code " + result.exitCode() + ", evidence " + result.evidencePath() + ")"));
    }
}
