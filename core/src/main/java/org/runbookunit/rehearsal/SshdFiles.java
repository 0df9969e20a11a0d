package org.runbookunit.rehearsal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.internal.process.ProcessRunner;

/** Lay out what a loopback sshd needs in one folder: host key, user key, authorized keys, configuration, known hosts. */
record SshdFiles(Path folder) {

    static SshdFiles create(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        SshdFiles files = new SshdFiles(folder);
        keygen(files.hostKey());
        keygen(files.identity());
        Files.copy(Path.of(files.identity() + ".pub"), files.authorizedKeys(),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        privilegeSeparationFolder();
        return files;
    }

    Path hostKey() {
        return folder.resolve("ssh_host_ed25519_key");
    }

    Path identity() {
        return folder.resolve("id_ed25519");
    }

    Path authorizedKeys() {
        return folder.resolve("authorized_keys");
    }

    Path knownHosts() {
        return folder.resolve("known_hosts");
    }

    Path config() {
        return folder.resolve("sshd_config");
    }

    Path log() {
        return folder.resolve("sshd.log");
    }

    /** Write a configuration for the current user: keys only, no PAM, loopback only, forwarding for jump hosts. */
    void writeConfig(int port, List<Path> path, java.util.Optional<Path> home) throws IOException {
        String sessionPath = path.stream().map(Path::toString).collect(Collectors.joining(":"));
        String setEnv = (sessionPath.isEmpty() ? "" : " PATH=" + sessionPath + ":/usr/local/bin:/usr/bin:/bin")
                + home.map(folder -> " HOME=" + folder).orElse("");
        String config = String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey(),
                "PidFile " + folder.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorizedKeys(),
                "AuthenticationMethods publickey",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "AllowTcpForwarding yes",
                "PermitUserEnvironment no",
                "LogLevel VERBOSE",
                setEnv.isEmpty() ? "" : "SetEnv" + setEnv,
                sftpServer().map(server -> "Subsystem sftp " + server).orElse(""),
                home.map(folder -> "ForceCommand cd " + folder + " && exec \"${SHELL:-/bin/sh}\" -c "
                        + "\"$SSH_ORIGINAL_COMMAND\"").orElse(""),
                "");
        Files.writeString(config(), config);
    }

    /**
     * Find OpenSSH's sftp-server, so SFTP downloads work; through {@code ForceCommand} it runs in the session's folder.
     */
    static java.util.Optional<Path> sftpServer() {
        return java.util.stream.Stream.of("/usr/lib/openssh/sftp-server", "/usr/libexec/openssh/sftp-server",
                "/usr/lib/ssh/sftp-server", "/usr/libexec/sftp-server").map(Path::of).filter(Files::isExecutable)
                .findFirst();
    }

    /** Write the server's host key as known for {@code [127.0.0.1]:port}. */
    void writeKnownHosts(int port) throws IOException {
        String[] publicKey = Files.readString(Path.of(hostKey() + ".pub")).trim().split("\\s+");
        Files.writeString(knownHosts(), "[127.0.0.1]:" + port + " " + publicKey[0] + " " + publicKey[1] + "\n");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Wait until the server greets with its SSH banner; false when it exited or stayed silent. */
    static boolean awaitBanner(int port, Process sshd, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline && sshd.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                socket.setSoTimeout(2000);
                InputStream in = socket.getInputStream();
                byte[] banner = in.readNBytes(4);
                if ("SSH-".equals(new String(banner, StandardCharsets.US_ASCII))) {
                    return true;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    private static void keygen(Path key) throws IOException, InterruptedException {
        Files.deleteIfExists(key);
        Files.deleteIfExists(Path.of(key + ".pub"));
        ProcessResult result = ProcessRunner.command(List.of("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "",
                "-C", "runbookunit-rehearsal", "-f", key.toString())).timeout(Duration.ofSeconds(20)).run();
        if (!result.succeeded()) {
            throw new IOException("ssh-keygen for " + key + " failed: " + result.stderr().describe());
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }

    /** As root, sshd refuses to start without its privilege separation folder, which Debian creates only at boot. */
    private static void privilegeSeparationFolder() throws IOException {
        Path folder = Path.of("/run/sshd");
        if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
    }
}
