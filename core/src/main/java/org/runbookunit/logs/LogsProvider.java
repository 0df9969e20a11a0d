package org.runbookunit.logs;

import java.time.Duration;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.Durations;
import org.runbookunit.shell.Shell;
import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link Logs} over the step's {@link Shell}, with the run's start time for {@code sinceRunStart()}. */
public final class LogsProvider implements FacadeProvider<Logs> {

    @Override
    public Class<Logs> type() {
        return Logs.class;
    }

    @Override
    public Logs open(StepContext step) {
        return new Logs(step.facade(Shell.class), new LogScan(step.runStartedAt(), step.evidence(), step.secrets()),
                step.settings().raw(ConfigKeys.SHELL_TIMEOUT).map(raw -> Durations.parse(ConfigKeys.SHELL_TIMEOUT, raw))
                        .orElse(Duration.ofSeconds(30)));
    }

    @Override
    public void close(Logs logs) {
        // nothing of its own: the Shell's sessions belong to the run
    }
}
