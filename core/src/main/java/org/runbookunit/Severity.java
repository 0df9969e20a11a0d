package org.runbookunit;

/**
 * Say how much a failed step matters.
 *
 * <p>A failed {@link #CRITICAL} step is FAILED, blocks every later step and makes the verdict NO-GO. A failed
 * {@link #MAJOR} or {@link #MINOR} step is WARNED: it is listed under the verdict but does not stop a GO by itself.
 */
public enum Severity {
    /** The runbook cannot go on without this step: the default. */
    CRITICAL,
    /** A degraded result worth a warning in the sign-off. */
    MAJOR,
    /** A cosmetic or informational check. */
    MINOR;

    /** Tell whether a failure of a step with this severity blocks the steps after it. */
    public boolean blocksOnFailure() {
        return this == CRITICAL;
    }
}
