package org.runbookunit.rehearsal;

/** Report a rehearsal stack that could not start, with the failing service's last log lines. */
public class RehearsalStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Create the error. */
    public RehearsalStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
