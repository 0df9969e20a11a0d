package org.runbookunit.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.config.HostSettings;
import org.runbookunit.internal.process.ProcessTree;

/**
 * Run a real OpenSSH server ({@code /usr/sbin/sshd}) on a free port of 127.0.0.1 as a rehearsal "host": a fresh host
 * key and user key, public-key authentication only, no PAM, running as the current user; its sessions find the
 * programs of {@link #path} first. Offered to the runbook as a host with its identity and known-hosts file.
 *
 * <pre>{@code
 * SshHostService.host("app").folder(Path.of("target/hosts/app")).path(Path.of("target/hosts/app/bin"))
 * }</pre>
 */
public final class SshHostService implements RehearsalService {

    /** Where Debian's openssh-server installs the daemon. */
    public static final Path SSHD = Path.of("/usr/sbin/sshd");

    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final String hostName;
    private final Optional<Path> folder;
    private final List<Path> path;
    private final Optional<Path> workingDirectory;
    private SshdFiles files;
    private Process process;
    private int port;

    private SshHostService(String hostName, Optional<Path> folder, List<Path> path, Optional<Path> workingDirectory) {
        this.hostName = hostName;
        this.folder = folder;
        this.path = List.copyOf(path);
        this.workingDirectory = workingDirectory;
    }

    /** Offer the server as host {@code hostName} of the environment. */
    public static SshHostService host(String hostName) {
        return new SshHostService(hostName, Optional.empty(), List.of(), Optional.empty());
    }

    /** Keep keys, configuration and the server's log in this folder; default a new folder under {@code target/}. */
    public SshHostService folder(Path where) {
        return new SshHostService(hostName, Optional.of(where), path, workingDirectory);
    }

    /** Put this folder first on the PATH of every session, e.g. for stand-ins of {@code systemctl} or scripts. */
    public SshHostService path(Path binFolder) {
        List<Path> more = new ArrayList<>(path);
        more.add(binFolder.toAbsolutePath());
        return new SshHostService(hostName, folder, more, workingDirectory);
    }

    /**
     * Start every session in this folder, with {@code HOME} set to it, as a real login starts in the user's home: the
     * rehearsal "host" keeps its files ({@code air-demand/.env}, logs) there instead of in the real home.
     */
    public SshHostService workingDirectory(Path home) {
        return new SshHostService(hostName, folder, path, Optional.of(home.toAbsolutePath()));
    }

    /** Tell whether this machine has an OpenSSH server and {@code ssh-keygen} to run one with. */
    public static boolean available() {
        return Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
    }

    @Override
    public String name() {
        return hostName + " (sshd)";
    }

    @Override
    public void start() throws IOException, InterruptedException {
        Path where = folder.orElse(Path.of("target", "sshd-" + hostName + "-" + ProcessHandle.current().pid()));
        files = SshdFiles.create(where.toAbsolutePath());
        for (int attempt = 1; ; attempt++) {
            port = SshdFiles.freePort();
            files.writeConfig(port, path, workingDirectory);
            process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", files.config().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
                    .start();
            process.getOutputStream().close();
            if (SshdFiles.awaitBanner(port, process, STARTUP)) {
                files.writeKnownHosts(port);
                return;
            }
            close();
            if (attempt == 3) {
                throw new IllegalStateException("sshd did not answer on 127.0.0.1:" + port + " within "
                        + STARTUP.toSeconds() + " s; see its log " + files.log());
            }
        }
    }

    /** Return the port the server listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Return the host as the environment sees it: this user at 127.0.0.1, the generated key and known-hosts file. */
    public HostSettings settings() {
        if (files == null) {
            throw new IllegalStateException("SshHostService [" + hostName + "] is not started");
        }
        return HostSettings.ssh(hostName, System.getProperty("user.name"), "127.0.0.1", port, files.identity(),
                files.knownHosts());
    }

    /** Return the folder holding the keys, the configuration and the log. */
    public Path folder() {
        return files.folder();
    }

    @Override
    public Map<String, HostSettings> hosts() {
        return Map.of(hostName, settings());
    }

    @Override
    public String logs() {
        try {
            return files == null || !Files.exists(files.log()) ? "" : Files.readString(files.log());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the sshd log " + files.log(), unreadable);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            ProcessTree.stopQuietly(process, Duration.ofSeconds(3));
        }
    }
}
