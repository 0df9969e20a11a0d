package org.runbookunit.dashboard;

import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/**
 * Provide {@link Dashboard}: a fresh browser context per step of the test run's one browser, which starts when a page
 * is first opened and closes when the run ends.
 */
public final class DashboardProvider implements FacadeProvider<Dashboard> {

    @Override
    public Class<Dashboard> type() {
        return Dashboard.class;
    }

    @Override
    public Dashboard open(StepContext step) {
        SharedBrowser browser = step.shared().get(SharedBrowser.class, SharedBrowser.class,
                () -> new SharedBrowser(step.settings()));
        return new Dashboard(step.environment(), browser, step.evidence());
    }

    @Override
    public void verify(Dashboard dashboard) {
        dashboard.verify();
    }

    @Override
    public void captureFailure(Dashboard dashboard, StepContext step) {
        dashboard.closeAfterFailure();
    }
}
