package org.runbookunit.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Run a child process to completion within a deadline: standard output and error drained concurrently into capped
 * buffers (or a file), the whole process tree killed when the deadline passes. An immutable value: each setter copies.
 *
 * <pre>{@code
 * ProcessResult result = ProcessRunner.command(List.of("pg_dump", "--version")).timeout(Duration.ofSeconds(10)).run();
 * }</pre>
 */
public final class ProcessRunner {

    /** How much of each stream is kept unless {@link #outputCap} says otherwise: 1 MiB. */
    public static final int DEFAULT_CAP = 1024 * 1024;

    private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(2);

    private final List<String> command;
    private final Map<String, String> environment;
    private final Optional<Path> directory;
    private final Optional<Path> stdin;
    private final Optional<Path> stdout;
    private final Duration timeout;
    private final Duration grace;
    private final int cap;

    private ProcessRunner(List<String> command, Map<String, String> environment, Optional<Path> directory,
            Optional<Path> stdin, Optional<Path> stdout, Duration timeout, Duration grace, int cap) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.directory = directory;
        this.stdin = stdin;
        this.stdout = stdout;
        this.timeout = timeout;
        this.grace = grace;
        this.cap = cap;
    }

    /** Run this command: 30 s deadline, 2 s grace between the termination request and the kill, 1 MiB per stream. */
    public static ProcessRunner command(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program to run");
        }
        return new ProcessRunner(command, Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(30), Duration.ofSeconds(2), DEFAULT_CAP);
    }

    /** Return the program and its arguments. */
    public List<String> commandLine() {
        return command;
    }

    /** Add environment variables to the child's inherited environment. */
    public ProcessRunner environment(Map<String, String> variables) {
        Map<String, String> more = new LinkedHashMap<>(environment);
        more.putAll(variables);
        return new ProcessRunner(command, more, directory, stdin, stdout, timeout, grace, cap);
    }

    /** Run in this working directory. */
    public ProcessRunner directory(Path folder) {
        return new ProcessRunner(command, environment, Optional.of(folder), stdin, stdout, timeout, grace, cap);
    }

    /** Feed the child this file on standard input; without it, standard input is closed at once. */
    public ProcessRunner stdinFrom(Path file) {
        return new ProcessRunner(command, environment, directory, Optional.of(file), stdout, timeout, grace, cap);
    }

    /** Write the child's standard output to this file instead of keeping it. */
    public ProcessRunner stdoutTo(Path file) {
        return new ProcessRunner(command, environment, directory, stdin, Optional.of(file), timeout, grace, cap);
    }

    /** Kill the process tree when it has not ended after this long. */
    public ProcessRunner timeout(Duration deadline) {
        return new ProcessRunner(command, environment, directory, stdin, stdout, positive("timeout", deadline), grace, cap);
    }

    /** Wait this long between asking the tree to terminate and killing it; default 2 s. */
    public ProcessRunner grace(Duration wait) {
        return new ProcessRunner(command, environment, directory, stdin, stdout, timeout, wait, cap);
    }

    /** Keep at most this many bytes of each stream, counting the rest; default {@link #DEFAULT_CAP}. */
    public ProcessRunner outputCap(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("an output cap must be >= 0 bytes but was [" + bytes + "]");
        }
        return new ProcessRunner(command, environment, directory, stdin, stdout, timeout, grace, bytes);
    }

    /**
     * Start the child, drain it and wait for it, killing its tree at the deadline.
     *
     * @throws IOException when it cannot be started
     * @throws InterruptedException when the calling thread is interrupted; the tree is killed first
     */
    public ProcessResult run() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        directory.ifPresent(folder -> builder.directory(folder.toFile()));
        stdin.ifPresent(file -> builder.redirectInput(file.toFile()));
        stdout.ifPresent(file -> builder.redirectOutput(file.toFile()));
        long start = System.nanoTime();
        Process process = builder.start();
        if (stdin.isEmpty()) {
            process.getOutputStream().close();
        }
        CappedOutputStream out = new CappedOutputStream(cap);
        CappedOutputStream err = new CappedOutputStream(cap);
        Thread outReader = drain(process.getInputStream(), out, "stdout");
        Thread errReader = drain(process.getErrorStream(), err, "stderr");
        boolean finished;
        try {
            finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            ProcessTree.stopQuietly(process, Duration.ZERO);
            throw interrupted;
        }
        if (!finished) {
            ProcessTree.stop(process, grace);
        }
        finish(outReader, process.getInputStream());
        finish(errReader, process.getErrorStream());
        int exitCode = process.isAlive() ? -1 : process.exitValue();
        return new ProcessResult(exitCode, out.snapshot(), err.snapshot(), Duration.ofNanos(System.nanoTime() - start),
                !finished);
    }

    private Thread drain(InputStream stream, OutputStream sink, String name) {
        Thread reader = new Thread(() -> copy(stream, sink), program() + "-" + name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void copy(InputStream stream, OutputStream sink) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) >= 0) {
                sink.write(buffer, 0, read);
            }
        } catch (IOException closed) {
            // the process ended, or we closed the pipe after a grandchild kept it open
        }
    }

    /** Wait briefly for a reader; a grandchild that inherited the pipe must not keep us waiting past the deadline. */
    private static void finish(Thread reader, InputStream stream) throws InterruptedException {
        reader.join(DRAIN_AFTER_EXIT.toMillis());
        if (reader.isAlive()) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // nothing more to read either way
            }
            reader.join(DRAIN_AFTER_EXIT.toMillis());
        }
    }

    private String program() {
        return Path.of(command.get(0)).getFileName().toString();
    }

    private static Duration positive(String what, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("a process " + what + " must be longer than 0 but was [" + value + "]");
        }
        return value;
    }
}
