package org.runbookunit.http;

/** Report every failed expectation of one HTTP call (or the call itself failing) in one message. */
public class HttpExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error from its full, multi-line message. */
    public HttpExpectationError(String message) {
        super(message);
    }

    /** Create the error for a call that got no response, keeping the transport error as cause. */
    public HttpExpectationError(String message, Throwable cause) {
        super(message, cause);
    }
}
