package org.runbookunit.suites;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Run a child process with a real deadline: stdout and stderr are drained by their own threads while it runs (a chatty
 * suite cannot fill a pipe and hang), and at the deadline its whole process tree is killed (npx → node → browsers).
 * RunbookUnit has no shared process runner yet; this one is minimal and private to {@code Suites}.
 */
final class SuiteProcess {

    /** The most output kept per stream; the rest is counted, not kept. */
    static final int MAX_OUTPUT = 2 * 1024 * 1024;
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(5);

    private SuiteProcess() {
    }

    /**
     * Hold what a run of the process gave.
     *
     * @param exitCode the exit code, -1 when it was killed at the deadline
     * @param timedOut whether the deadline killed it
     * @param output stdout then stderr, each cut at {@link #MAX_OUTPUT}
     * @param elapsed how long it ran
     */
    record Outcome(int exitCode, boolean timedOut, String output, Duration elapsed) {
    }

    static Outcome run(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException cannotStart) {
            throw new SuiteException("cannot start [" + command.get(0) + "] in [" + directory + "]: "
                    + cannotStart.getMessage() + "; is it installed and on the PATH?", cannotStart);
        }
        Drain out = Drain.start(process.getInputStream(), "stdout");
        Drain err = Drain.start(process.getErrorStream(), "stderr");
        boolean finished = waitFor(process, timeout);
        if (!finished) {
            killTree(process);
        }
        String output = out.text(DRAIN_GRACE) + err.text(DRAIN_GRACE);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome(finished ? process.exitValue() : -1, !finished, output, elapsed);
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kill the children first (they would be re-parented once their parent is gone), then the process itself. */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Read one stream on its own thread, keeping the first {@link #MAX_OUTPUT} bytes. */
    private static final class Drain implements Runnable {

        private final InputStream stream;
        private final String label;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;
        private long dropped;

        private Drain(InputStream stream, String label) {
            this.stream = stream;
            this.label = label;
            this.thread = new Thread(this, "runbook-suite-" + label);
            thread.setDaemon(true);
        }

        static Drain start(InputStream stream, String label) {
            Drain drain = new Drain(stream, label);
            drain.thread.start();
            return drain;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (stream) {
                for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                    synchronized (this) {
                        int keep = Math.max(0, Math.min(read, MAX_OUTPUT - kept.size()));
                        kept.write(buffer, 0, keep);
                        dropped += read - keep;
                    }
                }
            } catch (IOException closed) {
                // the process was killed: keep what was read
            }
        }

        String text(Duration grace) {
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                String text = kept.toString(StandardCharsets.UTF_8);
                return text.isEmpty() && dropped == 0 ? "" : "--- " + label + " ---\n" + text
                        + (dropped > 0 ? "\n… " + dropped + " more bytes not kept\n" : "");
            }
        }
    }

}
