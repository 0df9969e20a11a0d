package org.runbookunit.suites;

import org.runbookunit.shell.Shell;
import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/**
 * Provide {@link Suites}: commands run on the runner or on a host through the step's {@link Shell}, refused in a
 * read-only environment unless declared read-only.
 */
public final class SuitesProvider implements FacadeProvider<Suites> {

    @Override
    public Class<Suites> type() {
        return Suites.class;
    }

    @Override
    public Suites open(StepContext step) {
        return new Suites(step.environment(), step.evidence(), step.mayWrite(), step.warnings(),
                () -> step.facade(Shell.class));
    }
}
