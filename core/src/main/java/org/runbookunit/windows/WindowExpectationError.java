package org.runbookunit.windows;

/** Report a window that did not hold: its name, budget and last cause. */
public class WindowExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    WindowExpectationError(String message, Throwable lastCause) {
        super(message, lastCause);
    }
}
