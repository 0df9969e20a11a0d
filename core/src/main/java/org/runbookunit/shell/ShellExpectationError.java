package org.runbookunit.shell;

/** Report a command whose exit code or output was not what the step expected, or that did not finish in time. */
public class ShellExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error from its full message. */
    public ShellExpectationError(String message) {
        super(message);
    }
}
