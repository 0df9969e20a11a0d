package org.runbookunit.suites;

/** Report a suite that missed its gate, did not finish in time, or wrote no report: what was expected and what it did. */
public class SuiteExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    SuiteExpectationError(String message) {
        super(message);
    }
}
