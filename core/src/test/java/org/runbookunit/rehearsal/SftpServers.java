package org.runbookunit.rehearsal;

import org.runbookunit.testing.Daemon;

/** Let tests of SFTP downloads require what a rehearsed sshd needs to serve SFTP. */
public final class SftpServers {

    private SftpServers() {
    }

    /**
     * Skip the test (fail it with {@code CI=true}) when a rehearsed sshd would serve no SFTP: OpenSSH's sftp-server is
     * in none of the places it looks (Debian ships it as openssh-sftp-server).
     */
    public static void require() {
        if (SshdFiles.sftpServer().isEmpty()) {
            Daemon.require("/usr/lib/openssh/sftp-server", "openssh-sftp-server");
        }
    }
}
