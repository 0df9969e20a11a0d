package org.runbookunit.alerts;

/** Report a failed check of an Alertmanager: an alert firing, the cluster not ready, no configuration loaded. */
public class AlertsExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error from its full message. */
    public AlertsExpectationError(String message) {
        super(message);
    }

    /** Create the error for an Alertmanager that could not be asked, keeping the cause. */
    public AlertsExpectationError(String message, Throwable cause) {
        super(message, cause);
    }
}
