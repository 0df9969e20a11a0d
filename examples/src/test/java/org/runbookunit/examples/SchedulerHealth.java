package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.shell.CommandResult;
import org.runbookunit.shell.Shell;
import org.runbookunit.windows.Poll;
import org.runbookunit.windows.Windows;

/**
 * Read air-demand's check_health on a droplet (the command is the environment's {@code check-health} property): its
 * {@code key=value} lines, such as {@code scrape.runs}, {@code scrape.last.new} or {@code digest.last.hour}.
 */
final class SchedulerHealth {

    private final CommandResult result;
    private final Map<String, String> values = new LinkedHashMap<>();

    private SchedulerHealth(CommandResult result) {
        this.result = result;
        for (String line : result.outputLines()) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
    }

    /** Run check_health on {@code host}, read-only; any exit code is read (healthy is checked by {@link #expectHealthy}). */
    static SchedulerHealth read(Shell shell, String host, RunbookEnvironment environment) {
        return new SchedulerHealth(shell.on(host).readOnly().run(environment.property("check-health")));
    }

    /**
     * Wait until a job has run once more than {@code runsBefore} on its own, within {@code atMost} (scaled), and
     * return check_health as it was then; {@code job} is {@code scrape} or {@code digest}.
     */
    static SchedulerHealth awaitRun(Windows windows, Shell shell, String host, RunbookEnvironment environment, String job,
            int runsBefore, Duration atMost) {
        SchedulerHealth[] seen = new SchedulerHealth[1];
        windows.eventually("the next scheduled " + job, atMost, Poll.every(Duration.ofMinutes(5)), () -> {
            seen[0] = read(shell, host, environment);
            assertThat(seen[0].number(job + ".runs")).as(job + " runs (before: " + runsBefore + ")").isGreaterThan(runsBefore);
        });
        return seen[0];
    }

    /** Expect exit code 0 and {@code status=healthy}: last scrape and digest recent, the scrape clean, no alert. */
    SchedulerHealth expectHealthy() {
        result.expectExitCode(0).expectOutputMatches("(?m)^status=healthy$");
        return this;
    }

    /** Return the value of {@code key}, failing when check_health did not print it. */
    String value(String key) {
        assertThat(values).as("check_health output").containsKey(key);
        return values.get(key);
    }

    /** Return the whole-number value of {@code key}. */
    int number(String key) {
        return Integer.parseInt(value(key));
    }
}
