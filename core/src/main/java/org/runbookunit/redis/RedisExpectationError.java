package org.runbookunit.redis;

/** Report a failed check of a Redis: no answer within the budget, a hit rate too low, memory too close to its limit. */
public class RedisExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** Create the error from its full message. */
    public RedisExpectationError(String message) {
        super(message);
    }

    /** Create the error for a Redis that could not be asked, keeping the cause. */
    public RedisExpectationError(String message, Throwable cause) {
        super(message, cause);
    }
}
