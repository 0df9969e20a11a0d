package org.runbookunit.suites;

/**
 * Name one test case of a suite that failed.
 *
 * @param suite the test suite (file or class) it belongs to
 * @param name the test case's name
 * @param message the first line of its failure message
 */
public record FailedCase(String suite, String name, String message) {

    @Override
    public String toString() {
        return (suite.isEmpty() ? "" : suite + " › ") + name + (message.isEmpty() ? "" : ": " + message);
    }
}
