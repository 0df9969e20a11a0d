package org.runbookunit.smoke;

import org.runbookunit.Verdict;

/** Name the exit codes of the smoke jar: what a CI job or a shell script branches on. */
final class ExitCodes {

    /** Every suite or runbook that ran said GO (or only a plan was printed). */
    static final int GO = 0;
    /** A suite or runbook said NO-GO (or did not finish: INCOMPLETE). */
    static final int NO_GO = 1;
    /** Nothing failed, but manual steps wait for attestation (and {@code runbook.gate.allow-pending} is not set). */
    static final int HOLD = 2;
    /** The command line, a suite file or the configuration is wrong: nothing was checked (EX_USAGE). */
    static final int USAGE = 64;
    /** The jar itself failed (EX_SOFTWARE): a bug to report, with the stack trace printed. */
    static final int SOFTWARE = 70;

    private ExitCodes() {
    }

    static int of(Verdict verdict, boolean allowPending) {
        return switch (verdict) {
            case GO -> GO;
            case NO_GO, INCOMPLETE -> NO_GO; // INCOMPLETE: a run that did not finish is no GO
            case HOLD -> allowPending ? GO : HOLD;
        };
    }

    /** Combine the codes of several runs: NO-GO wins over HOLD, HOLD over GO. */
    static int worst(int left, int right) {
        return rank(left) >= rank(right) ? left : right;
    }

    private static int rank(int code) {
        return switch (code) {
            case NO_GO -> 3;
            case HOLD -> 2;
            case GO -> 0;
            default -> 4;
        };
    }
}
