package org.runbookunit.secrets;

/**
 * Stand in for a throwable whose messages held a secret: the original's type name and redacted message, its stack
 * trace, and redacted copies of its cause and suppressed throwables.
 */
public final class RedactedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private RedactedThrowable(String message, Throwable cause) {
        super(message, cause);
    }

    /** Return the throwable itself when no message in it holds a secret, else a redacted copy. */
    public static Throwable of(Throwable error, Secrets secrets) {
        return error == null || !secrets.leakIn(error) ? error : copy(error, secrets, 0);
    }

    private static Throwable copy(Throwable error, Secrets secrets, int depth) {
        Throwable cause = error.getCause() == null || error.getCause() == error || depth > 32 ? null
                : copy(error.getCause(), secrets, depth + 1);
        RedactedThrowable copy = new RedactedThrowable(error.getClass().getName() + ": "
                + secrets.redact(String.valueOf(error.getMessage())), cause);
        copy.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            copy.addSuppressed(depth > 32 ? suppressed : copy(suppressed, secrets, depth + 1));
        }
        return copy;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
