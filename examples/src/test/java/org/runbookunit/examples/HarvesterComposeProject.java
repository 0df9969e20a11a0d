package org.runbookunit.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.testing.Daemon;
import org.runbookunit.testing.Folders;

/**
 * Lay out seed 003's deployment folder for its container stack — the compose file, the multi-stage Dockerfile, the
 * Makefile, Prometheus's configuration (test resources {@code seed003/stack/}), the examples' classes and libraries as
 * the image's build context, and {@code .env.staging} with a compose project name of its own and two free loopback
 * ports — without starting anything: the runbook's {@code make staging-stack-up} does. At the end it runs
 * {@code make staging-stack-down} (containers, networks, volumes and the built images removed) within two minutes.
 */
final class HarvesterComposeProject implements RehearsalService {

    static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);

    private final Path folder;
    private final String project = "signal-harvester-" + UUID.randomUUID().toString().substring(0, 8);
    private final int apiPort = Daemon.freePort();
    private final int prometheusPort = Daemon.freePort();
    private final Path prometheusBinary;
    private boolean prepared;

    HarvesterComposeProject(Path folder, Path prometheusBinary) {
        this.folder = folder.toAbsolutePath();
        this.prometheusBinary = prometheusBinary;
    }

    /** Return the compose project name .env.staging gives the stack, e.g. {@code signal-harvester-1a2b3c4d}. */
    String project() {
        return project;
    }

    /** Return the deployment folder (the runbook's {@code harvester-stack-home}). */
    Path folder() {
        return folder;
    }

    @Override
    public String name() {
        return "compose project " + project;
    }

    @Override
    public void start() throws IOException {
        Path context = Path.of("target", "docker").toAbsolutePath();
        if (!Files.isDirectory(context.resolve("classes")) || !Files.isDirectory(context.resolve("lib"))) {
            throw new IllegalStateException("no image build context in [" + context + "]: run the examples build "
                    + "(mvn process-classes -pl examples) so that target/docker/classes and lib exist");
        }
        takeDownLeftover();
        Folders.deleteTree(folder);
        Files.createDirectories(folder.resolve("app"));
        for (String file : List.of("docker-compose.staging.yml", "Dockerfile", "Makefile", "prometheus.yml", "harvest")) {
            Files.copy(RunnerHost.resource("seed003/stack/" + file), folder.resolve(file));
        }
        copyTree(context.resolve("classes"), folder.resolve("app/classes"));
        copyTree(context.resolve("lib"), folder.resolve("app/lib"));
        List<String> env = new ArrayList<>(Files.readAllLines(RunnerHost.resource("seed003/.env.staging")));
        env.addAll(List.of("# the rehearsal's own: a project name no other run shares, free loopback ports",
                "COMPOSE_PROJECT_NAME=" + project, "HARVEST_API_PORT=" + apiPort, "PROMETHEUS_PORT=" + prometheusPort,
                "PROMETHEUS_BINARY=" + prometheusBinary));
        Files.write(folder.resolve(".env.staging"), env, StandardCharsets.UTF_8);
        prepared = true;
    }

    /** Offer the API's and Prometheus's published loopback ports; they answer once the stack is up. */
    @Override
    public Map<String, URI> endpoints() {
        return Map.of("harvester-stack-api", URI.create("http://127.0.0.1:" + apiPort),
                "harvester-stack-prometheus", URI.create("http://127.0.0.1:" + prometheusPort));
    }

    /** Return the compose services' logs, if the stack was brought up. */
    @Override
    public String logs() {
        return prepared ? make(Duration.ofSeconds(30), "staging-stack-logs") : "";
    }

    /** Take the stack down, whatever the runbook did to it; fail when that does not finish within two minutes. */
    @Override
    public void close() {
        if (prepared) {
            prepared = false;
            String output = make(DOWN_TIMEOUT, "staging-stack-down");
            if (output.startsWith("FAILED")) {
                throw new IllegalStateException("cannot take compose project " + project + " down in " + folder + ": "
                        + output);
            }
            try { // a folder without .env.staging has no stack left to take down (see takeDownLeftover)
                Files.move(folder.resolve(".env.staging"), folder.resolve(".env.staging.taken-down"));
            } catch (IOException cannotRename) {
                throw new UncheckedIOException(cannotRename);
            }
        }
    }

    /** Take down the stack an earlier run left in the folder (a killed JVM never closed it), before replacing it. */
    private void takeDownLeftover() {
        if (Files.exists(folder.resolve(".env.staging")) && Files.exists(folder.resolve("Makefile"))) {
            String output = make(DOWN_TIMEOUT, "staging-stack-down");
            if (output.startsWith("FAILED")) {
                throw new IllegalStateException("cannot take down the stack an earlier run left in " + folder + ": "
                        + output + "; take it down with make staging-stack-down there, or remove its containers");
            }
        }
    }

    /** Run a make target in the folder; return its output, starting with FAILED when it failed or timed out. */
    private String make(Duration deadline, String target) {
        try {
            Path log = Files.createTempFile(folder.getParent(), "make-", ".log");
            Process process = new ProcessBuilder("make", "-s", target).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly); // compose under make
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log);
            Files.delete(log);
            if (!finished || process.exitValue() != 0) {
                return "FAILED: make " + target + (finished ? " exited " + process.exitValue()
                        : " did not finish within " + deadline.toSeconds() + " s and was killed") + ": " + output;
            }
            return output;
        } catch (IOException cannotRun) {
            return "FAILED: make " + target + ": " + cannotRun;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "FAILED: make " + target + " interrupted";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
