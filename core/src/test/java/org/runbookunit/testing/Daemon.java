package org.runbookunit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * Run a real server binary for a test in its own folder under {@code target/}, its output in a log file there, ready
 * within a deadline or failed with that log; stopped by {@link #close()} or when the JVM exits.
 */
public final class Daemon implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private Daemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Return the binary, or skip the test (fail it with CI=true) naming the Debian package that installs it. */
    public static Path require(String binary, String debianPackage) {
        Path path = Path.of(binary);
        if (Files.isExecutable(path)) {
            return path;
        }
        String reason = binary + " not found (apt-get install " + debianPackage + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + "; CI=true, so tests that need " + debianPackage + " must not be skipped");
        }
        Assumptions.abort(reason);
        return path;
    }

    /** Create an empty folder for one server under {@code target/}. */
    public static Path folder(String kind) {
        try {
            return Files.createDirectories(Path.of("target", kind, UUID.randomUUID().toString()).toAbsolutePath());
        } catch (IOException cannotCreate) {
            throw new UncheckedIOException(cannotCreate);
        }
    }

    /** Return a port of 127.0.0.1 that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    /** Start a command in a folder and wait until {@code ready} holds, failing after {@code deadline} with its log. */
    public static Daemon start(String name, List<String> command, Path folder, Duration deadline, BooleanSupplier ready) {
        Path log = folder.resolve(name + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
        } catch (IOException cannotStart) {
            throw new UncheckedIOException("cannot start " + command, cannotStart);
        }
        Daemon daemon = new Daemon(name, process, log);
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "stop-" + name));
        daemon.awaitReady(deadline, ready);
        return daemon;
    }

    private void awaitReady(Duration deadline, BooleanSupplier ready) {
        long giveUp = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting:\n" + log());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + deadline + ":\n" + log());
    }

    /** Return what the server logged so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException unreadable) {
            return "(log unreadable: " + unreadable.getMessage() + ")";
        }
    }

    /** Tell whether the server still runs. */
    public boolean alive() {
        return process.isAlive();
    }

    /** Stop the server: SIGTERM, then SIGKILL after 5 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }
}
