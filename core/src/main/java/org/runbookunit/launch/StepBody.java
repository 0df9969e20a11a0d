package org.runbookunit.launch;

import org.runbookunit.spi.StepContext;

/** Run one step's checks with the facades its context opens: {@code step -> step.facade(Http.class).get(...)}. */
@FunctionalInterface
public interface StepBody {

    /** Run the checks; an {@link AssertionError} or exception fails the step. */
    void run(StepContext step) throws Exception;
}
