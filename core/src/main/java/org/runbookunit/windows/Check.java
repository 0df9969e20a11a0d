package org.runbookunit.windows;

/** Sample a system once: return normally when it is healthy, throw (an assertion or any exception) when it is not. */
@FunctionalInterface
public interface Check {

    /** Run the check once. */
    void run() throws Exception;
}
