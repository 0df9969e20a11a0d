package org.runbookunit.junit.custom;

import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.RunResources;
import org.runbookunit.spi.StepContext;

/** Register {@link Tally} the way a team registers its own facade: one class and one line in META-INF/services. */
public final class TallyProvider implements FacadeProvider<Tally> {

    @Override
    public Class<Tally> type() {
        return Tally.class;
    }

    /** Take a while, as loading a client library does, then count the preparation. */
    @Override
    public void prepare(RunResources shared) {
        Tally.PREPARING.incrementAndGet();
        try {
            Thread.sleep(300);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        Tally.PREPARED.incrementAndGet();
    }

    @Override
    public Tally open(StepContext step) {
        return new Tally(step.evidence(), step.step().label());
    }
}
