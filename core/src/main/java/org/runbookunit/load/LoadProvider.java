package org.runbookunit.load;

import org.runbookunit.history.History;
import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/**
 * Provide {@link Load}: probes refused unless the step may write, requests bounded by {@code runbook.http.timeout},
 * throughput compared with the previous run through the step's {@link History}.
 */
public final class LoadProvider implements FacadeProvider<Load> {

    @Override
    public Class<Load> type() {
        return Load.class;
    }

    @Override
    public Load open(StepContext step) {
        return new Load(step.environment(), step.evidence(), step.mayWrite(), step.settings().httpTimeout(),
                () -> step.facade(History.class));
    }
}
