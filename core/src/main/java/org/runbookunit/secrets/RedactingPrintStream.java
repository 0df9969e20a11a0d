package org.runbookunit.secrets;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Print through to another stream line by line, replacing every secret value with {@code ***} on the way. Not
 * auto-flushing: a line goes out at its newline, a partial line at an explicit {@link #flush()}, so a secret written in
 * two pieces is still caught.
 */
public final class RedactingPrintStream extends PrintStream {

    /**
     * Wrap a stream.
     *
     * @param target where redacted lines go
     * @param secrets the values to replace
     */
    public RedactingPrintStream(PrintStream target, Secrets secrets) {
        super(new LineRedactor(target, secrets), false, StandardCharsets.UTF_8);
    }

    /** Buffer bytes up to each newline, so a secret split across two writes is still caught. */
    private static final class LineRedactor extends OutputStream {

        private final PrintStream target;
        private final Secrets secrets;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineRedactor(PrintStream target, Secrets secrets) {
            this.target = target;
            this.secrets = secrets;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                emit();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int index = offset; index < offset + length; index++) {
                write(bytes[index]);
            }
        }

        @Override
        public synchronized void flush() {
            emit();
            target.flush();
        }

        private void emit() {
            if (line.size() > 0) {
                byte[] redacted = secrets.redact(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                target.write(redacted, 0, redacted.length);
                target.flush();
                line.reset();
            }
        }
    }
}
