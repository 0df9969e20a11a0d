package org.runbookunit.smoke.checks;

/** Report a config-only suite check that did not hold: what was checked, what was expected and what was found. */
public class SmokeExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error with its message. */
    public SmokeExpectationError(String message) {
        super(message);
    }
}
