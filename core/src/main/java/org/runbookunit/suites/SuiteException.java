package org.runbookunit.suites;

/** Report a suite that cannot run or be read as written (refused, not installed, unreadable report); names the fix. */
public class SuiteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SuiteException(String message) {
        super(message);
    }

    SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
