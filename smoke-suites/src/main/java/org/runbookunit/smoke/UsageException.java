package org.runbookunit.smoke;

/** Report a command line that cannot run: exit code 64 with the message and the fix. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
