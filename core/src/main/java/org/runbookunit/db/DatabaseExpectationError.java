package org.runbookunit.db;

/** Report a database check that did not hold (a missing table, a backup that does not restore), listing every difference. */
public class DatabaseExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the failure with its full message. */
    public DatabaseExpectationError(String message) {
        super(message);
    }

    /** Create the failure with its full message and what caused it. */
    public DatabaseExpectationError(String message, Throwable cause) {
        super(message, cause);
    }
}
