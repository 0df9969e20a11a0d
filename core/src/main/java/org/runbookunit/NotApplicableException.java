package org.runbookunit;

/**
 * Say that a check does not apply here, so its step is SKIPPED with the reason instead of FAILED: not applicable is
 * not failed.
 *
 * <pre>{@code
 * @Step(order = 3, value = "No slow queries")
 * void slowQueries(Database db) {
 *     // throws NotApplicableException when pg_stat_statements is not installed: the step is SKIPPED, with the reason
 *     assertThat(db.slowQueries(Duration.ofMillis(500))).isEmpty();
 * }
 * }</pre>
 */
public class NotApplicableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Create the exception with the reason shown in the report, which should say what is missing and how to add it. */
    public NotApplicableException(String reason) {
        super(reason);
    }

    /** Create the exception with the reason and the failure that revealed it. */
    public NotApplicableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
