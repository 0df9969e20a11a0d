package org.runbookunit.internal.launch;

import java.io.PrintStream;
import org.runbookunit.secrets.RedactingPrintStream;
import org.runbookunit.secrets.Secrets;

/**
 * Redact {@code System.out} and {@code System.err} while a runbook runs, so a secret printed by a step's own code
 * never reaches Surefire's output either; closing restores the streams that were there before.
 */
public final class RedactedConsole implements AutoCloseable {

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final PrintStream redactedOut;
    private final PrintStream redactedErr;

    private RedactedConsole(Secrets secrets) {
        originalOut = System.out;
        originalErr = System.err;
        redactedOut = new RedactingPrintStream(originalOut, secrets);
        redactedErr = new RedactingPrintStream(originalErr, secrets);
    }

    /** Swap in redacting streams for {@code System.out} and {@code System.err}. */
    public static RedactedConsole install(Secrets secrets) {
        RedactedConsole console = new RedactedConsole(secrets);
        System.setOut(console.redactedOut);
        System.setErr(console.redactedErr);
        return console;
    }

    @Override
    public void close() {
        redactedOut.flush();
        redactedErr.flush();
        if (System.out == redactedOut) {
            System.setOut(originalOut);
        }
        if (System.err == redactedErr) {
            System.setErr(originalErr);
        }
    }
}
