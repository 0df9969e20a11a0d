package org.runbookunit.load;

/** Report a load probe that cannot run as written (refused, bad input, unreadable k6 summary); the message names the fix. */
public class LoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LoadException(String message) {
        super(message);
    }

    LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
