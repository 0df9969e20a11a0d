package org.runbookunit.metrics;

/** Report a failed check of a Prometheus server: a target down, a threshold crossed, a rule missing, an alert firing. */
public class MetricsExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error from its full message. */
    public MetricsExpectationError(String message) {
        super(message);
    }

    /** Create the error for a server that could not be asked, keeping the cause. */
    public MetricsExpectationError(String message, Throwable cause) {
        super(message, cause);
    }
}
