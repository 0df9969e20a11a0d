package org.runbookunit.logs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.runbookunit.shell.Shell;

/**
 * Check logs of the environment's hosts and containers: no ERROR since a time, a start-up line within a deadline.
 * Files and journals are read over {@link Shell} (its host keys, deadlines and read-only rules); matching lines are
 * kept as redacted evidence with their counts.
 *
 * <pre>{@code
 * @Step(order = 1, value = "No errors in the API and scheduler logs")
 * void noErrors(Logs logs) {
 *     logs.journal("app", "air-demand-api").sinceRunStart().expectNo("ERROR|CRITICAL");
 *     logs.file("app", "/var/log/air-demand/scheduler.log").since(Duration.ofMinutes(30)).expectNo("ERROR|CRITICAL");
 * }
 * }</pre>
 */
public final class Logs {

    /** How much of a log one check reads at most: 8 MiB. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private final Shell shell;
    private final LogScan scan;
    private final Duration containerTimeout;

    Logs(Shell shell, LogScan scan, Duration containerTimeout) {
        this.shell = shell;
        this.scan = scan;
        this.containerTimeout = containerTimeout;
    }

    /** Check a log file on a host of the environment ({@code local: true} for the runner's own files). */
    public LogQuery file(String host, String path) {
        return query(new FileSource(shell.on(host), path, OptionalLong.empty(), MAX_BYTES));
    }

    /** Check a systemd unit's journal on a host: {@code journalctl -u UNIT -o json}. */
    public LogQuery journal(String host, String unit) {
        return query(new JournalSource(shell.on(host), unit, MAX_BYTES));
    }

    /** Check a Docker container's output by its name or id, e.g. a rehearsal stack's service. Needs Testcontainers. */
    public LogQuery container(String nameOrId) {
        return query(new ContainerSource(nameOrId, containerTimeout, MAX_BYTES));
    }

    private LogQuery query(LogSource source) {
        return new LogQuery(source, scan, Optional.empty(), "the beginning", List.of());
    }
}
