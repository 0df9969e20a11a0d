package org.runbookunit.grafana;

import org.runbookunit.http.Http;
import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link Grafana} to steps, over the step's own {@link Http} and evidence. */
public final class GrafanaProvider implements FacadeProvider<Grafana> {

    @Override
    public Class<Grafana> type() {
        return Grafana.class;
    }

    @Override
    public Grafana open(StepContext step) {
        return new Grafana(step.facade(Http.class), step.evidence());
    }
}
