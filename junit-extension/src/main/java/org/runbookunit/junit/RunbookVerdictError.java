package org.runbookunit.junit;

/** Fail the runbook's class with the gate's NO-GO verdict and every reason, once the report is written. */
final class RunbookVerdictError extends AssertionError {

    private static final long serialVersionUID = 1L;

    RunbookVerdictError(String message) {
        super(message, null);
    }
}
