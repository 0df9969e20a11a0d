package org.runbookunit.junit;

/** Fail a step that would start after the runbook's time budget is spent. */
final class BudgetExhausted extends AssertionError {

    private static final long serialVersionUID = 1L;

    BudgetExhausted(String message) {
        super(message, null);
    }
}
