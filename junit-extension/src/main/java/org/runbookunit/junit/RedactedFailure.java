package org.runbookunit.junit;

import org.opentest4j.TestAbortedException;
import org.runbookunit.secrets.Secrets;

/**
 * Copy a failure with every secret value replaced by {@code ***} in its messages and causes, keeping its kind (failure,
 * abort or error), stack traces and suppressed failures (a pending HTTP failure under the exception a step threw), so
 * neither Surefire's report nor its console shows a secret.
 */
final class RedactedFailure {

    private RedactedFailure() {
    }

    /** Return the failure itself when nothing in it is secret, else a redacted copy. */
    static Throwable of(Throwable failure, Secrets secrets) {
        return mentionsSecret(failure, secrets) ? copy(failure, secrets) : failure;
    }

    /** Tell whether a message of the failure, its causes or anything suppressed in them holds a secret. */
    private static boolean mentionsSecret(Throwable failure, Secrets secrets) {
        return secrets.leakIn(failure);
    }

    private static Throwable copy(Throwable failure, Secrets secrets) {
        Throwable cause = failure.getCause() == null || failure.getCause() == failure ? null : copy(failure.getCause(), secrets);
        String message = secrets.redact(failure.getMessage());
        Throwable copy;
        if (failure instanceof StepWarning) {
            copy = new StepWarning(message, cause);
        } else if (failure instanceof TestAbortedException) {
            copy = new TestAbortedException(message, cause);
        } else if (failure instanceof AssertionError) {
            copy = new RedactedAssertionError(failure.getClass().getName() + ": " + message, cause);
        } else {
            copy = new RedactedException(failure.getClass().getName() + ": " + message, cause);
        }
        copy.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, secrets));
        }
        return copy;
    }

    /** A redacted assertion failure: still a failure, not an error, in Surefire's report. */
    static final class RedactedAssertionError extends AssertionError {
        private static final long serialVersionUID = 1L;

        RedactedAssertionError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A redacted error of any other kind. */
    static final class RedactedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedactedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
