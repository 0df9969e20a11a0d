package org.runbookunit.containers;

import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link Containers} to steps; the Docker client is made only when a check first runs. */
public final class ContainersProvider implements FacadeProvider<Containers> {

    @Override
    public Class<Containers> type() {
        return Containers.class;
    }

    @Override
    public Containers open(StepContext step) {
        return new Containers(step.evidence(), step.settings().httpTimeout());
    }
}
