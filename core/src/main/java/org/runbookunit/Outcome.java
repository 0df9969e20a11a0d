package org.runbookunit;

/** Name what happened to one step of a runbook. */
public enum Outcome {
    /** The step ran and every check held. */
    PASSED("✔"),
    /** The step ran and was degraded, or a MAJOR/MINOR check failed. */
    WARNED("⚠"),
    /** A CRITICAL step ran and a check failed. */
    FAILED("✘"),
    /** The step did not run because an earlier CRITICAL step failed. */
    BLOCKED("⊘"),
    /** The step does not apply here (environment, assumption, disabled). */
    SKIPPED("↷"),
    /** A manual step nobody has attested yet: the gate holds until someone does. */
    PENDING("⏸"),
    /** The step failed and a valid waiver accepts the failure. */
    WAIVED("≋");

    private final String symbol;

    Outcome(String symbol) {
        this.symbol = symbol;
    }

    /** Return the one-character symbol shown on the console. */
    public String symbol() {
        return symbol;
    }

    /** Tell whether the step's checks actually ran (SKIPPED, BLOCKED and PENDING steps did not). */
    public boolean ran() {
        return this == PASSED || this == WARNED || this == FAILED || this == WAIVED;
    }
}
