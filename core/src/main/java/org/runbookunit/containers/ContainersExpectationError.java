package org.runbookunit.containers;

/** Report a failed check of containers: not healthy, restarted, over a resource limit, a compose service not up. */
public class ContainersExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error from its full message. */
    public ContainersExpectationError(String message) {
        super(message);
    }

    /** Create the error for an engine that could not be asked, keeping the cause. */
    public ContainersExpectationError(String message, Throwable cause) {
        super(message, cause);
    }
}
