package org.runbookunit.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.HostSettings;
import org.runbookunit.rehearsal.SftpServers;
import org.runbookunit.rehearsal.SshHostService;
import org.runbookunit.testing.SshServer;

/** Copy files off a real OpenSSH server on loopback over SFTP, each copy checked against the host's sha256sum. */
class ShellDownloadTests {

    private static SshHostService server;
    private final ShellFixture fixture = new ShellFixture();
    private final Path folder = Path.of("target", "shell-downloads", UUID.randomUUID().toString()).toAbsolutePath();

    @BeforeAll
    static void startSshd() throws Exception {
        SftpServers.require();
        server = SshServer.start("app", Path.of("target", "sshd", "bin-empty"));
    }

    @AfterAll
    static void stopSshd() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeSessions() {
        fixture.close();
    }

    @Test
    void aBinaryFileArrivesByteForByteWithTheHostsChecksumAndEvidence() throws Exception {
        byte[] backup = new byte[3 * 1024 * 1024 + 17];
        new Random(18).nextBytes(backup);
        Path onHost = Files.write(Files.createDirectories(folder.resolve("host/backups")).resolve("production_backup.sql.gz"),
                backup);
        Shell shell = fixture.shell(Map.of("app", server.settings()));

        FileCopy copy = shell.on("app").download(onHost.toString(), folder.resolve("local/air-demand-backups/backup.sql.gz"))
                .expectSizeAtLeast(3 * 1024 * 1024);

        assertThat(Files.readAllBytes(copy.localFile())).isEqualTo(backup);
        assertThat(copy.bytes()).isEqualTo(backup.length);
        assertThat(copy.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(backup)));
        assertThat(Files.readString(fixture.reportDir.resolve(copy.evidencePath()))).contains("download: " + onHost,
                "bytes: " + backup.length, "sha256sum on the host: " + copy.sha256(), "match: yes");
    }

    @Test
    void aTooSmallCopyFailsNamingItsSize() throws Exception {
        Path onHost = Files.writeString(Files.createDirectories(folder.resolve("host")).resolve("empty.sql"), "");
        Shell shell = fixture.shell(Map.of("app", server.settings()));

        FileCopy copy = shell.on("app").download(onHost.toString(), folder.resolve("local/empty.sql"));

        assertThatThrownBy(() -> copy.expectSizeAtLeast(1)).isInstanceOf(ShellExpectationError.class)
                .hasMessageStartingWith("[" + onHost + "] copied from host [app] holds 0 bytes, expected at least 1");
    }

    @Test
    void aMissingFileFailsNamingTheHostAndLeavesNoPartialCopy() {
        Shell shell = fixture.shell(Map.of("app", server.settings()));
        Path local = folder.resolve("local/missing.sql.gz");

        assertThatThrownBy(() -> shell.on("app").download(folder.resolve("host/missing.sql.gz").toString(), local))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("downloading from host [app] " + server.settings().address() + " over SFTP failed")
                .hasMessageContaining("No such file");
        assertThat(local).doesNotExist();
    }

    @Test
    void aBlankPathIsRefusedBeforeConnecting() {
        Shell shell = fixture.shell(Map.of("app", server.settings()));

        assertThatThrownBy(() -> shell.on("app").download(" ", folder.resolve("local/x"))).isInstanceOf(
                IllegalArgumentException.class).hasMessage("download needs the path of a file on host [app] but was [ ]; "
                        + "pass it absolute, or relative to the session's folder");
    }

    @Test
    void aDownloadRunsInAReadOnlyEnvironment() throws Exception {
        Path onHost = Files.writeString(Files.createDirectories(folder.resolve("host")).resolve("notes.txt"), "kept\n");
        Shell readOnly = fixture.shell(ShellFixture.environment(Map.of("app", server.settings())), false,
                ShellOptions.defaults());

        FileCopy copy = readOnly.on("app").download(onHost.toString(), folder.resolve("local/notes.txt"));

        assertThat(Files.readString(copy.localFile())).isEqualTo("kept\n");
    }

    @Test
    void theRunnerItselfCopiesLocally() throws Exception {
        Path source = Files.writeString(Files.createDirectories(folder.resolve("runner")).resolve("dump.sql"), "-- dump\n");
        Shell shell = fixture.shell(Map.of("runner", HostSettings.local("runner")));

        FileCopy copy = shell.on("runner").download(source.toString(), folder.resolve("local/dump.sql"));

        assertThat(Files.readString(copy.localFile())).isEqualTo("-- dump\n");
        assertThat(copy.sha256()).hasSize(64);
    }
}
