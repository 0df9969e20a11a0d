package org.runbookunit.history;

/** Report a history expectation that did not hold, with the values and runs it looked at. */
public class HistoryExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error from its full message. */
    public HistoryExpectationError(String message) {
        super(message);
    }
}
