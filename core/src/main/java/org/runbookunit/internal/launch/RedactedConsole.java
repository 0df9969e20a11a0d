package org.runbookunit.internal.launch;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.runbookunit.internal.secrets.RedactingPrintStream;
import org.runbookunit.secrets.RedactedLogging;
import org.runbookunit.secrets.Secrets;

/**
 * Redact {@code System.out} and {@code System.err} while a runbook runs, so a secret printed by a step's own code
 * never reaches Surefire's output either, and java.util.logging with them.
 *
 * <p>The JVM has one {@code System.out}, so runbooks that run at once share one redacting stream: the first to start
 * swaps it in, each adds its secrets, and the last to close puts back what was there before. (Each swapping in its own
 * stream let a run that ended first put back the bare console while another run's thread was still printing through
 * it.)
 */
public final class RedactedConsole implements AutoCloseable {

    /** Guards the swap of the JVM-wide streams; the state itself lives in the streams. */
    private static final Object SWAP = new Object();

    private final RedactingPrintStream redactedOut;
    private final RedactingPrintStream redactedErr;
    private final RedactedLogging logging;

    private RedactedConsole(RedactingPrintStream redactedOut, RedactingPrintStream redactedErr,
            RedactedLogging logging) {
        this.redactedOut = redactedOut;
        this.redactedErr = redactedErr;
        this.logging = logging;
    }

    /** Redact these secrets on {@code System.out} and {@code System.err}, swapping in redacting streams if needed. */
    public static RedactedConsole install(Secrets secrets) {
        synchronized (SWAP) {
            RedactingPrintStream out = shared(System.out, System::setOut);
            RedactingPrintStream err = shared(System.err, System::setErr);
            out.redactAlso(secrets);
            err.redactAlso(secrets);
            return new RedactedConsole(out, err, RedactedLogging.install(secrets));
        }
    }

    private static RedactingPrintStream shared(PrintStream current, Consumer<PrintStream> swap) {
        if (current instanceof RedactingPrintStream redacting) {
            return redacting;
        }
        RedactingPrintStream redacting = new RedactingPrintStream(current);
        swap.accept(redacting);
        return redacting;
    }

    @Override
    public void close() {
        synchronized (SWAP) {
            logging.close();
            release(redactedOut, System.out, System::setOut);
            release(redactedErr, System.err, System::setErr);
        }
    }

    private static void release(RedactingPrintStream redacting, PrintStream current, Consumer<PrintStream> swap) {
        if (redacting.release() && current == redacting) {
            swap.accept(redacting.target());
        }
    }
}
