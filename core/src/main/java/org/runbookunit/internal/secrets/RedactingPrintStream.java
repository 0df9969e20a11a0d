package org.runbookunit.internal.secrets;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.runbookunit.secrets.Secrets;

/**
 * Print through to another stream line by line, replacing every secret value with {@code ***} on the way. Each thread
 * writes into its own line, and a line goes out whole at its newline, so two runbooks printing at once never mix their
 * characters (which would split a secret past its redaction). Not auto-flushing: a partial line goes out at an explicit
 * {@link #flush()} from its thread, so a secret written in two pieces is still caught.
 *
 * <p>Runs that go on at once share one stream (there is one {@code System.out}): each adds its secrets with
 * {@link #redactAlso} and gives its use back with {@link #release}. Every secret stays masked until the last user is
 * done, because a thread of a run that has ended may still be in the middle of a line.
 */
public final class RedactingPrintStream extends PrintStream {

    private final PrintStream target;
    private final LineRedactor lines;

    /**
     * Wrap a stream, redacting nothing until {@link #redactAlso} is called.
     *
     * @param target where redacted lines go
     */
    public RedactingPrintStream(PrintStream target) {
        this(target, new LineRedactor(target));
    }

    /**
     * Wrap a stream for one user of these secrets.
     *
     * @param target where redacted lines go
     * @param secrets the values to replace
     */
    public RedactingPrintStream(PrintStream target, Secrets secrets) {
        this(target);
        redactAlso(secrets);
    }

    private RedactingPrintStream(PrintStream target, LineRedactor lines) {
        super(lines, false, StandardCharsets.UTF_8);
        this.target = target;
        this.lines = lines;
    }

    /** Return the stream the redacted lines go to, to put back once nobody uses this one. */
    public PrintStream target() {
        return target;
    }

    /** Start one more use: replace these secrets too, until every use is released. */
    public void redactAlso(Secrets secrets) {
        lines.use(secrets);
    }

    /**
     * End one use: send the partial lines of this thread and of finished threads. The last use sends every thread's
     * partial line, forgets the secrets, and returns true, so the caller can put {@link #target()} back.
     */
    public boolean release() {
        super.flush();
        return lines.release();
    }

    /** Buffer each thread's bytes up to its newline, so a secret split across two writes is still caught. */
    private static final class LineRedactor extends OutputStream {

        private final PrintStream target;
        private final List<Secrets> secrets = new CopyOnWriteArrayList<>();
        private final Map<Thread, ByteArrayOutputStream> lineByThread = new ConcurrentHashMap<>();
        private int uses;

        LineRedactor(PrintStream target) {
            this.target = target;
        }

        synchronized void use(Secrets added) {
            uses++;
            secrets.add(added);
        }

        synchronized boolean release() {
            uses = Math.max(0, uses - 1);
            lineByThread.forEach((thread, line) -> {
                if (uses == 0 || thread == Thread.currentThread() || !thread.isAlive()) {
                    emit(line);
                }
            });
            lineByThread.keySet().removeIf(thread -> !thread.isAlive());
            target.flush();
            if (uses == 0) {
                secrets.clear();
            }
            return uses == 0;
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
                String text = Secrets.redact(line.toString(StandardCharsets.UTF_8), secrets);
                redacted = text.getBytes(StandardCharsets.UTF_8);
                line.reset();
            }
            synchronized (target) {
                target.write(redacted, 0, redacted.length);
                target.flush();
            }
        }
    }
}
