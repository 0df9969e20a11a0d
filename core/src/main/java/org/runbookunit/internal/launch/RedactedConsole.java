package org.runbookunit.internal.launch;

import java.io.PrintStream;
import org.runbookunit.secrets.RedactedLogging;
import org.runbookunit.internal.secrets.RedactingPrintStream;
import org.runbookunit.secrets.Secrets;

/**
 * Redact {@code System.out} and {@code System.err} while a runbook runs, so a secret printed by a step's own code
 * never reaches Surefire's output either, and java.util.logging with them; closing restores what was there before.
 */
public final class RedactedConsole implements AutoCloseable {

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final RedactingPrintStream redactedOut;
    private final RedactingPrintStream redactedErr;
    private final RedactedLogging logging;

    private RedactedConsole(Secrets secrets) {
        originalOut = System.out;
        originalErr = System.err;
        redactedOut = new RedactingPrintStream(originalOut, secrets);
        redactedErr = new RedactingPrintStream(originalErr, secrets);
        logging = RedactedLogging.install(secrets);
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
        logging.close();
        redactedOut.flushAll();
        redactedErr.flushAll();
        if (System.out == redactedOut) {
            System.setOut(originalOut);
        }
        if (System.err == redactedErr) {
            System.setErr(originalErr);
        }
    }
}
