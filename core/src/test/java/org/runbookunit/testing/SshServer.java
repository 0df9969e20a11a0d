package org.runbookunit.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.runbookunit.rehearsal.SshHostService;

/**
 * Start a real OpenSSH server for a test: Debian's {@code /usr/sbin/sshd} on a free port of 127.0.0.1, a host key and a
 * user key generated under {@code target/}, public-key authentication only, no PAM, running as the current user
 * (see {@link SshHostService}). Without sshd a test is skipped with the reason, except when {@code CI=true}: there it
 * fails, since .ci/run installs openssh-server.
 */
public final class SshServer {

    private SshServer() {
    }

    /** Start a server offered as host {@code name}, whose sessions find the programs of {@code bin} first. */
    public static SshHostService start(String name, Path bin) throws Exception {
        requireSshd();
        Path folder = Path.of("target", "sshd", name + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(bin);
        SshHostService server = SshHostService.host(name).folder(folder).path(bin);
        server.start();
        return server;
    }

    /** Skip the test (fail it with {@code CI=true}) when this machine has no OpenSSH server. */
    public static void requireSshd() {
        if (SshHostService.available()) {
            return;
        }
        String reason = "OpenSSH server not found at " + SshHostService.SSHD + " (apt-get install openssh-server)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + "; CI=true, so tests that need sshd must not be skipped");
        }
        Assumptions.abort(reason);
    }
}
