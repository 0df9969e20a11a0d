package org.runbookunit.ledger;

/** Report that the run ledger could not be read or written, naming where it is and why. */
public final class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Create the exception with its message and cause. */
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Create the exception with its message. */
    public LedgerException(String message) {
        super(message);
    }
}
