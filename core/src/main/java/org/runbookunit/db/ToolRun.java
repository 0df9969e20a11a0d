package org.runbookunit.db;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.Durations;

/**
 * Run a client tool to completion within a budget, its archive flowing through a file on standard input or output,
 * and keep the end of what it wrote to standard error.
 *
 * @param exitCode the tool's exit code
 * @param stderr the last few kilobytes of its standard error
 * @param duration how long it ran
 */
record ToolRun(int exitCode, String stderr, Duration duration) {

    private static final int MAX_STDERR = 8 * 1024;

    static ToolRun run(ProcessBuilder builder, Path stdin, Path stdout, Duration timeout) {
        builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(stdin.toFile()));
        builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        String tool = Path.of(builder.command().get(0)).getFileName().toString();
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException cannotStart) {
            throw new DatabaseException("cannot start " + builder.command().get(0) + ": " + cannotStart.getMessage(), cannotStart);
        }
        if (stdin == null) {
            closeQuietly(process);
        }
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copyTail(process.getErrorStream(), stderr), tool + "-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new DatabaseException(tool + " did not finish within " + ConfigKeys.POSTGRES_TOOL_TIMEOUT + " ["
                        + Durations.format(timeout) + "] and was killed");
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DatabaseException(tool + " was interrupted", interrupted);
        }
        String text;
        synchronized (stderr) {
            text = stderr.toString(StandardCharsets.UTF_8).strip();
        }
        return new ToolRun(process.exitValue(), text, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the tool reads nothing from us
        }
    }

    private static void copyTail(InputStream in, ByteArrayOutputStream tail) {
        byte[] buffer = new byte[4096];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (tail) {
                    if (tail.size() + read > MAX_STDERR) {
                        byte[] kept = tail.toByteArray();
                        tail.reset();
                        int keep = Math.max(0, MAX_STDERR / 2);
                        tail.write(kept, Math.max(0, kept.length - keep), Math.min(keep, kept.length));
                    }
                    tail.write(buffer, 0, read);
                }
            }
        } catch (IOException closed) {
            // the process ended
        }
    }

    /** Tell whether the tool exited 0. */
    boolean succeeded() {
        return exitCode == 0;
    }
}
