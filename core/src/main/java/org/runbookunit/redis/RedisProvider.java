package org.runbookunit.redis;

import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link Redis} to steps: the run's timeout, and write commands only where the step may write. */
public final class RedisProvider implements FacadeProvider<Redis> {

    @Override
    public Class<Redis> type() {
        return Redis.class;
    }

    @Override
    public Redis open(StepContext step) {
        return new Redis(step.environment(), step.settings().httpTimeout(), step.evidence(), step.mayWrite());
    }
}
