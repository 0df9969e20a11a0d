package org.runbookunit;

/** Give the gate's answer for a whole runbook run. */
public enum Verdict {
    /** Every critical step passed and no gate rule was broken. */
    GO("GO"),
    /** A critical step failed or a gate rule was broken: the build fails. */
    NO_GO("NO-GO"),
    /** Nothing failed but manual steps wait for attestation: the build fails unless pending steps are allowed. */
    HOLD("HOLD"),
    /** The run did not finish (the JVM was stopped or killed): what ran is reported, and it is never a GO. */
    INCOMPLETE("INCOMPLETE");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** Return the label written in reports and on the console, e.g. {@code NO-GO}. */
    public String label() {
        return label;
    }

    /** Tell whether this verdict lets the change go ahead. */
    public boolean isGo() {
        return this == GO;
    }
}
