package org.runbookunit.internal.engine;

import org.runbookunit.evidence.Evidence;

import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide the step's {@link Evidence} recorder. */
public final class EvidenceProvider implements FacadeProvider<Evidence> {

    @Override
    public Class<Evidence> type() {
        return Evidence.class;
    }

    @Override
    public Evidence open(StepContext step) {
        return step.evidence();
    }
}
