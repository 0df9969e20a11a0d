package org.runbookunit.config;

/** Report a runbook, annotation or configuration value that cannot work, with what to do about it. */
public class RunbookConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Create the error with a message that names the key or annotation, the bad value and the fix. */
    public RunbookConfigurationException(String message) {
        super(message);
    }

    /** Create the error with its cause. */
    public RunbookConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
