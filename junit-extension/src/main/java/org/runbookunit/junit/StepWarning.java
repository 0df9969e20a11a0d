package org.runbookunit.junit;

import org.opentest4j.TestAbortedException;

/**
 * Carry a failed MAJOR or MINOR step to JUnit as an aborted test: not a clean pass in Surefire's report, not a build
 * failure either. The original failure is the cause.
 */
final class StepWarning extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    StepWarning(String message, Throwable cause) {
        super(message, cause);
    }
}
