package org.runbookunit.dashboard;

/** Report that the browser could not do what was asked (no answer, invalid selector, element never ready). */
final class BrowserFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BrowserFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
