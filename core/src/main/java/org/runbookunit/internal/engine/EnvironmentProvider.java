package org.runbookunit.internal.engine;

import org.runbookunit.config.RunbookEnvironment;

import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide the {@link RunbookEnvironment} the run is against: its endpoints, properties and secrets. */
public final class EnvironmentProvider implements FacadeProvider<RunbookEnvironment> {

    @Override
    public Class<RunbookEnvironment> type() {
        return RunbookEnvironment.class;
    }

    @Override
    public RunbookEnvironment open(StepContext step) {
        return step.environment();
    }
}
