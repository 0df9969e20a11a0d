package org.runbookunit.shell;

import org.runbookunit.config.ConfigKeys;
import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link Shell}: the run's SSH sessions are shared by every step and closed when the run ends. */
public final class ShellProvider implements FacadeProvider<Shell> {

    @Override
    public Class<Shell> type() {
        return Shell.class;
    }

    @Override
    public Shell open(StepContext step) {
        Connections connections = step.shared().get(Connections.class, Connections.class, Connections::new);
        ShellOptions options = ShellOptions.from(step.settings().raw(ConfigKeys.SHELL_TIMEOUT),
                step.settings().raw(ConfigKeys.SHELL_MAX_OUTPUT));
        return new Shell(step.environment(), connections, options, step.evidence(), step.mayWrite());
    }

    @Override
    public void close(Shell shell) {
        // the sessions belong to the run, not the step
    }
}
