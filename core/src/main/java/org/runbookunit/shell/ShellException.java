package org.runbookunit.shell;

/**
 * Report that a command could not be run at all: the host refused the connection or the key, its host key is unknown
 * or changed, or a read-only environment refused a command not declared read-only.
 */
public class ShellException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Create the exception from its message. */
    public ShellException(String message) {
        super(message);
    }

    /** Create the exception keeping what caused it. */
    public ShellException(String message, Throwable cause) {
        super(message, cause);
    }
}
