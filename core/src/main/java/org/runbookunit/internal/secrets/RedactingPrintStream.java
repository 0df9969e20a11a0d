package org.runbookunit.internal.secrets;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.runbookunit.secrets.Secrets;

/**
 * Print through to another stream line by line, replacing every secret value with {@code ***} on the way. Each thread
 * writes into its own line, and a line goes out whole at its newline, so two runbooks printing at once never mix their
 * characters (which would split a secret past its redaction). Not auto-flushing: a partial line goes out at an explicit
 * {@link #flush()} from its thread, so a secret written in two pieces is still caught; {@link #flushAll()} sends every
 * thread's partial line.
 */
public final class RedactingPrintStream extends PrintStream {

    private final LineRedactor lines;

    /**
     * Wrap a stream.
     *
     * @param target where redacted lines go
     * @param secrets the values to replace
     */
    public RedactingPrintStream(PrintStream target, Secrets secrets) {
        this(new LineRedactor(target, secrets));
    }

    private RedactingPrintStream(LineRedactor lines) {
        super(lines, false, StandardCharsets.UTF_8);
        this.lines = lines;
    }

    /** Send the partial line of every thread, e.g. when the run ends. */
    public void flushAll() {
        super.flush();
        lines.emitAll();
    }

    /** Buffer each thread's bytes up to its newline, so a secret split across two writes is still caught. */
    private static final class LineRedactor extends OutputStream {

        private final PrintStream target;
        private final Secrets secrets;
        private final Map<Thread, ByteArrayOutputStream> lineByThread = new ConcurrentHashMap<>();

        LineRedactor(PrintStream target, Secrets secrets) {
            this.target = target;
            this.secrets = secrets;
        }

        @Override
        public void write(int b) {
            ByteArrayOutputStream line = line();
            synchronized (line) {
                line.write(b);
                if (b == '\n') {
                    emit(line);
                }
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ByteArrayOutputStream line = line();
            synchronized (line) {
                int start = offset;
                for (int index = offset; index < offset + length; index++) {
                    if (bytes[index] == '\n') {
                        line.write(bytes, start, index + 1 - start);
                        emit(line);
                        start = index + 1;
                    }
                }
                line.write(bytes, start, offset + length - start);
            }
        }

        @Override
        public void flush() {
            ByteArrayOutputStream line = lineByThread.get(Thread.currentThread());
            if (line != null) {
                emit(line);
            }
            target.flush();
        }

        void emitAll() {
            lineByThread.values().forEach(this::emit);
            lineByThread.keySet().removeIf(thread -> !thread.isAlive());
            target.flush();
        }

        private ByteArrayOutputStream line() {
            return lineByThread.computeIfAbsent(Thread.currentThread(), thread -> new ByteArrayOutputStream());
        }

        /** Write one whole line: the target's lock keeps lines of different threads apart. */
        private void emit(ByteArrayOutputStream line) {
            byte[] redacted;
            synchronized (line) {
                if (line.size() == 0) {
                    return;
                }
                redacted = secrets.redact(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                line.reset();
            }
            synchronized (target) {
                target.write(redacted, 0, redacted.length);
                target.flush();
            }
        }
    }
}
