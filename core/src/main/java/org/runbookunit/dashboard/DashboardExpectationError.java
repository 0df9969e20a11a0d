package org.runbookunit.dashboard;

/** Report every failed expectation on one page (or an action that could not be done) in one message. */
public class DashboardExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error from its full, multi-line message. */
    public DashboardExpectationError(String message) {
        super(message);
    }

    /** Create the error for an action the browser could not do, keeping the browser's error as cause. */
    public DashboardExpectationError(String message, Throwable cause) {
        super(message, cause);
    }
}
