package org.runbookunit.grafana;

/** Report a failed check of a Grafana: its database not ok, a wrong version, a dashboard missing or misnamed. */
public class GrafanaExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error from its full message. */
    public GrafanaExpectationError(String message) {
        super(message);
    }

    /** Create the error for a Grafana that could not be asked, keeping the cause. */
    public GrafanaExpectationError(String message, Throwable cause) {
        super(message, cause);
    }
}
