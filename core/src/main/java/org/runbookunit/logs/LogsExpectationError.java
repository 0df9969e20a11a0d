package org.runbookunit.logs;

/** Report a log that holds a line it must not, or lacks a line it must have. */
public class LogsExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error from its full message. */
    public LogsExpectationError(String message) {
        super(message);
    }
}
