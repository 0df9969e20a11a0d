package org.runbookunit.examples;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.testing.Daemon;

/**
 * Deploy temponest from the rehearsal checkout with its own {@code scripts/deploy/up.sh}, as a child process on a
 * free port of 127.0.0.1 offered as endpoint {@code agents}, so a runbook can stop it ({@code down.sh}), check out
 * another release and deploy again; {@link #close()} runs {@code down.sh}. The runner settings go to
 * {@code run/runner.env}, apart from the deployment's {@code .env}, whose values a runbook reads as secrets.
 */
final class TemponestDeployment implements RehearsalService {

    private static final long SCRIPT_DEADLINE_SECONDS = 60;

    private final Path checkout;
    private final Path log;
    private final Supplier<DatabaseSettings> database;
    private final int port = Daemon.freePort();

    TemponestDeployment(Path checkout, Path log, Supplier<DatabaseSettings> database) {
        this.checkout = checkout;
        this.log = log;
        this.database = database;
    }

    @Override
    public String name() {
        return "temponest (scripts/deploy/up.sh in " + checkout + ")";
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(checkout.resolve("run"));
        Files.writeString(checkout.resolve("run/runner.env"), String.join("\n",
                "JAVA='" + Path.of(System.getProperty("java.home"), "bin", "java") + "'",
                "TEMPONEST_CLASSPATH='" + System.getProperty("java.class.path") + "'",
                "TEMPONEST_PORT=" + port, "DB_USER='" + database.get().user() + "'", "LOG_FILE='" + log + "'",
                "PARENT_PID=" + ProcessHandle.current().pid(), ""));
        script("up.sh");
    }

    @Override
    public Map<String, URI> endpoints() {
        return Map.of("agents", URI.create("http://127.0.0.1:" + port));
    }

    @Override
    public String logs() {
        try {
            Path stdout = checkout.resolve("run/stdout.log");
            return Files.exists(stdout) ? Files.readString(stdout) : "";
        } catch (IOException unreadable) {
            return "cannot read run/stdout.log: " + unreadable.getMessage();
        }
    }

    @Override
    public void close() {
        try {
            script("down.sh");
        } catch (IOException cannotStop) {
            throw new java.io.UncheckedIOException(cannotStop);
        }
    }

    private void script(String name) throws IOException {
        Process process = new ProcessBuilder(List.of(checkout.resolve("scripts/deploy/" + name).toString()))
                .directory(checkout.toFile()).redirectErrorStream(true)
                .redirectOutput(checkout.resolve("run/" + name + ".log").toFile()).start();
        try {
            if (!process.waitFor(SCRIPT_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + SCRIPT_DEADLINE_SECONDS + " s");
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, interrupted);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited " + process.exitValue() + ": "
                    + Files.readString(checkout.resolve("run/" + name + ".log")));
        }
    }
}
