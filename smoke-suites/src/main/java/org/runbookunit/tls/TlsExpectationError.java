package org.runbookunit.tls;

/** Report a TLS certificate check that did not hold: expiry, host name or trust, with what was found. */
public class TlsExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error with its message. */
    public TlsExpectationError(String message) {
        super(message);
    }

    /** Create the error with its message and cause. */
    public TlsExpectationError(String message, Throwable cause) {
        super(message, cause);
    }
}
