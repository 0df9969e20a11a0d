package org.runbookunit.windows;

import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link Windows}, scaled by the environment's {@code windows-scale}, verifying the step after each sample. */
public final class WindowsProvider implements FacadeProvider<Windows> {

    @Override
    public Class<Windows> type() {
        return Windows.class;
    }

    @Override
    public Windows open(StepContext step) {
        return new Windows(step.evidence(), step.environment().windowsScale(), step::verifyPendingChecks);
    }
}
