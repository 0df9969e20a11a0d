package org.runbookunit.db;

/** Report that the database could not be reached or refused a statement; the message names the statement and the fix. */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Create the exception with its full message. */
    public DatabaseException(String message) {
        super(message);
    }

    /** Create the exception with its full message and the driver's failure. */
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
