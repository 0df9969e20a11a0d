package org.runbookunit.metrics;

import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link Metrics} to steps, over the step's own {@link Http} and {@link Evidence}. */
public final class MetricsProvider implements FacadeProvider<Metrics> {

    @Override
    public Class<Metrics> type() {
        return Metrics.class;
    }

    @Override
    public Metrics open(StepContext step) {
        return new Metrics(step.facade(Http.class), step.evidence());
    }
}
