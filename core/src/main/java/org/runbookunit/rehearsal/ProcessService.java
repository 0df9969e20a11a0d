package org.runbookunit.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbookunit.internal.process.ProcessTree;

/**
 * Run a service as a local process — e.g. {@code java -jar app.jar} — and wait until its HTTP health path on
 * 127.0.0.1 answers 200. Its output goes to a log file that start-up errors and the evidence quote.
 *
 * <pre>{@code
 * ProcessService.command("api", List.of("java", "-jar", "target/app.jar", "--port", "18123"))
 *     .endpoint("api", 18123, "/health")
 * }</pre>
 */
public final class ProcessService implements RehearsalService {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final String endpoint;
    private final int port;
    private final String healthPath;
    private final Duration startupTimeout;
    private Process process;
    private Path log;

    private ProcessService(String name, List<String> command, Map<String, String> env, String endpoint, int port,
            String healthPath, Duration startupTimeout) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.endpoint = endpoint;
        this.port = port;
        this.healthPath = healthPath;
        this.startupTimeout = startupTimeout;
    }

    /** Run a command, e.g. {@code java -jar app.jar}. */
    public static ProcessService command(String name, List<String> command) {
        return new ProcessService(name, command, Map.of(), name, 8080, "/", Duration.ofSeconds(60));
    }

    /** Offer 127.0.0.1:{@code port} as endpoint {@code endpointName}, healthy when {@code health} answers 200. */
    public ProcessService endpoint(String endpointName, int localPort, String health) {
        return new ProcessService(name, command, env, endpointName, localPort, health, startupTimeout);
    }

    /** Set an environment variable of the process. */
    public ProcessService env(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(key, value);
        return new ProcessService(name, command, more, endpoint, port, healthPath, startupTimeout);
    }

    /** Give up when the health path does not answer 200 within this time; default 60 s. */
    public ProcessService startupTimeout(Duration timeout) {
        return new ProcessService(name, command, env, endpoint, port, healthPath, timeout);
    }

    /** Tell whether another description runs the same thing: equal when every setting is equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ProcessService that && name.equals(that.name) && command.equals(that.command)
                && env.equals(that.env) && endpoint.equals(that.endpoint) && port == that.port
                && healthPath.equals(that.healthPath) && startupTimeout.equals(that.startupTimeout);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, command, env, endpoint, port, healthPath, startupTimeout);
    }

    /** Describe what runs; environment values are left out (they may be secrets). */
    @Override
    public String toString() {
        return "ProcessService[" + name + ", " + String.join(" ", command) + ", endpoint " + endpoint + ":" + port
                + healthPath + ", env " + new java.util.TreeSet<>(env.keySet()) + ", startup within " + startupTimeout + "]";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws IOException, InterruptedException {
        log = Files.createTempFile("runbookunit-" + name + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        process = builder.start();
        process.getOutputStream().close();
        HealthWait.until200(URI.create("http://127.0.0.1:" + port + healthPath), startupTimeout,
                () -> process.isAlive() ? null : "process exited with code " + process.exitValue());
    }

    @Override
    public Map<String, URI> endpoints() {
        return Map.of(endpoint, URI.create("http://127.0.0.1:" + port));
    }

    @Override
    public String logs() {
        try {
            return log == null ? "" : Files.readString(log);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the log of [" + name + "] at " + log, unreadable);
        }
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        ProcessTree.stopQuietly(process, STOP_GRACE);
    }
}
