package org.runbookunit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.internal.process.ProcessRunner;

/**
 * Run a second, private Docker engine for a test: Debian's {@code dockerd} listening only on a free TCP port of
 * 127.0.0.1, with its own data root and pid file under {@code target/}, its own exec root, and its own bridge (a new
 * interface {@code rbu…} on a 10.213.x.0/24 subnet no one else uses), {@code --iptables=false}: ports are published
 * by {@code docker-proxy}, and neither the main engine, its {@code docker0} nor any firewall rule is touched. It has
 * no images and reaches no registry: {@link #load} copies one in. {@link #close()} (or the JVM's exit) stops it and
 * removes what it made.
 */
public final class SecondDockerEngine implements AutoCloseable {

    private static final Path DOCKERD = Path.of("/usr/sbin/dockerd");
    private static final Path IP = Path.of("/usr/sbin/ip");
    private static final Path AIRGAP_CACHE = Path.of("/var/cache/runbookunit");
    private static final Duration COMMAND = Duration.ofSeconds(30);
    /** The image settings scripts/airgap-docker.sh gives each build when it imports its root file system. */
    private static final java.util.Map<String, List<String>> IMPORT_CHANGES = java.util.Map.of(
            "runbookunit/postgres:15", List.of("ENTRYPOINT [\"/usr/local/bin/docker-entrypoint.sh\"]",
                    "CMD [\"postgres\"]", "EXPOSE 5432", "ENV LANG=C.UTF-8"),
            "runbookunit/jre:17", List.of("ENV LANG=C.UTF-8", "CMD [\"java\", \"-version\"]"));

    private final Path folder;
    private final Path execRoot;
    private final String bridge;
    private final int port;
    private final List<AutoCloseable> cleanups = new ArrayList<>();
    private Daemon daemon;

    private SecondDockerEngine(Path folder, Path execRoot, String bridge, int port) {
        this.folder = folder;
        this.execRoot = execRoot;
        this.bridge = bridge;
        this.port = port;
    }

    /** Start an engine, or skip the test (fail it with {@code CI=true}) when this machine cannot run one. */
    public static SecondDockerEngine start() throws IOException, InterruptedException {
        require();
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path folder = Files.createDirectories(Path.of("target", "docker-engine-" + id).toAbsolutePath());
        Path execRoot = folder.resolve("x").toString().length() < 60 ? folder.resolve("x") : Path.of("/tmp", "rbu-" + id);
        SecondDockerEngine engine = new SecondDockerEngine(folder, execRoot, "rbu" + id, Daemon.freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "stop-second-dockerd"));
        try {
            engine.createBridge();
            engine.startDaemon();
        } catch (RuntimeException | IOException | InterruptedException failed) {
            engine.close();
            throw failed;
        }
        return engine;
    }

    /** Return the address a client passes as {@code DOCKER_HOST}, e.g. {@code tcp://127.0.0.1:40123}. */
    public String dockerHost() {
        return "tcp://127.0.0.1:" + port;
    }

    /**
     * Copy an image in: {@code docker save} from the main engine when it has it, else the root file system
     * {@code scripts/airgap-docker.sh} left in its cache ({@code docker import} with the script's image settings).
     */
    public void load(String image) throws IOException, InterruptedException {
        String save = "docker save " + image + " | docker -H " + dockerHost() + " load";
        if (run(List.of("docker", "image", "inspect", image)).succeeded()) {
            bash(save);
            return;
        }
        Optional<Path> rootfs = cachedRootfs(image);
        if (rootfs.isEmpty()) {
            unavailable("image " + image + " is neither on the main Docker engine nor in " + AIRGAP_CACHE
                    + " (run scripts/airgap-docker.sh)");
        }
        String changes = IMPORT_CHANGES.getOrDefault(image, List.of("ENV LANG=C.UTF-8")).stream()
                .map(change -> "--change '" + change + "' ").collect(java.util.stream.Collectors.joining());
        bash("tar -C '" + rootfs.get() + "' --exclude=./.complete -c . | docker -H " + dockerHost() + " import "
                + changes + "- " + image);
    }

    /** Run a docker CLI command against this engine and return its standard output. */
    public String docker(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "-H", dockerHost()));
        command.addAll(List.of(arguments));
        ProcessResult result = run(command);
        if (!result.succeeded()) {
            throw new IllegalStateException(command + " failed: " + result.stderr().text());
        }
        return result.stdout().text();
    }

    /** Stop the engine (its containers with it), unmount and delete its data and exec roots, remove its bridge. */
    @Override
    public synchronized void close() {
        if (daemon != null) {
            daemon.close();
        }
        for (int index = cleanups.size() - 1; index >= 0; index--) {
            try {
                cleanups.get(index).close();
            } catch (Exception ignored) {
                // best effort: the next cleanup still runs
            }
        }
        cleanups.clear();
    }

    private void createBridge() throws IOException, InterruptedException {
        String subnet = "10.213." + ThreadLocalRandom.current().nextInt(1, 255);
        check(run(List.of(IP.toString(), "link", "add", bridge, "type", "bridge")));
        cleanups.add(() -> run(List.of(IP.toString(), "link", "del", bridge)));
        check(run(List.of(IP.toString(), "addr", "add", subnet + ".1/24", "dev", bridge)));
        check(run(List.of(IP.toString(), "link", "set", bridge, "up")));
    }

    private void startDaemon() throws IOException {
        Path data = folder.resolve("data");
        cleanups.add(() -> Folders.deleteTree(data));
        cleanups.add(() -> Folders.deleteTree(execRoot));
        cleanups.add(() -> run(List.of("umount", data.toString())));
        daemon = Daemon.start("dockerd", List.of(DOCKERD.toString(), "--data-root", data.toString(), "--exec-root",
                execRoot.toString(), "--pidfile", folder.resolve("dockerd.pid").toString(), "-H", dockerHost(),
                "--bridge", bridge, "--iptables=false", "--ip6tables=false", "--ip-masq=false", "--shutdown-timeout", "2",
                "--storage-driver", "overlay2"), folder, Duration.ofSeconds(60), this::answers);
    }

    private boolean answers() {
        try {
            HttpResponse<String> ping = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_ping"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return ping.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Path> cachedRootfs(String image) throws IOException {
        if (!Files.isDirectory(AIRGAP_CACHE)) {
            return Optional.empty();
        }
        String prefix = "rootfs-" + image.replaceAll("[:/]", "-") + "-";
        try (Stream<Path> entries = Files.list(AIRGAP_CACHE)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith(prefix))
                    .filter(entry -> Files.exists(entry.resolve(".complete"))).findFirst();
        }
    }

    private static void require() {
        if (!Files.isExecutable(DOCKERD) || !Files.isExecutable(IP)) {
            unavailable(DOCKERD + " or " + IP + " not found (apt-get install docker.io iproute2)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            unavailable("a second dockerd and its bridge need root");
        }
    }

    private static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("second Docker engine cannot run: " + reason + "; CI=true, so this test "
                    + "must not be skipped");
        }
        Assumptions.abort("Docker-backed test skipped: " + reason);
    }

    private static void bash(String line) throws IOException, InterruptedException {
        ProcessResult result = ProcessRunner.command(List.of("bash", "-o", "pipefail", "-c", line))
                .timeout(Duration.ofMinutes(3)).run();
        if (!result.succeeded()) {
            throw new IllegalStateException("[" + line + "] failed (exit " + result.exitCode() + "): "
                    + result.stderr().text());
        }
    }

    private static ProcessResult run(List<String> command) throws IOException, InterruptedException {
        return ProcessRunner.command(command).timeout(COMMAND).run();
    }

    private static void check(ProcessResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("failed: " + result.stderr().text());
        }
    }
}
