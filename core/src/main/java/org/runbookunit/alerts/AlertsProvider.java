package org.runbookunit.alerts;

import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link Alerts} to steps, over the step's own {@link Http} and {@link Evidence}. */
public final class AlertsProvider implements FacadeProvider<Alerts> {

    @Override
    public Class<Alerts> type() {
        return Alerts.class;
    }

    @Override
    public Alerts open(StepContext step) {
        return new Alerts(step.facade(Http.class), step.evidence());
    }
}
