package org.runbookunit.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.HostSettings;
import org.runbookunit.internal.process.ProcessRunner;
import org.runbookunit.rehearsal.SshHostService;
import org.runbookunit.testing.SshServer;

/** Run commands over SSH against a real OpenSSH server on loopback: keys, host keys, deadlines, output, exit codes. */
class ShellSshTests {

    private static SshHostService server;
    private final ShellFixture fixture = new ShellFixture();

    @BeforeAll
    static void startSshd() throws Exception {
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
    void keyAuthenticationRunsACommandAndKeepsCommandOutputAndExitCodeAsEvidence() throws Exception {
        Shell shell = fixture.shell(Map.of("app", server.settings()));

        CommandResult result = shell.on("app").run("echo active; echo 'a warning' >&2").expectExitCode(0)
                .expectOutput("active").expectOutputContains("act").expectOutputMatches("^act.ve$")
                .expectStderrContains("warning");

        assertThat(result.stderr()).isEqualTo("a warning\n");
        assertThat(Files.readString(fixture.reportDir.resolve(result.evidencePath()))).contains(
                "host: app (" + server.settings().address() + ")", "command: echo active; echo 'a warning' >&2",
                "exit code: 0", "--- stdout (7 bytes) ---\nactive", "--- stderr (10 bytes) ---\na warning");
    }

    @Test
    void oneSessionServesEveryCommandToTheHost() {
        Shell shell = fixture.shell(Map.of("app", server.settings()));
        long before = accepted();

        for (int command = 0; command < 3; command++) {
            shell.on("app").run("true").expectSuccess();
        }

        assertThat(accepted() - before).isEqualTo(1);
    }

    @Test
    void aWrongKeyIsRefusedNamingTheUserAndTheFix() throws Exception {
        Path otherKey = newKey("wrong_key");
        HostSettings settings = server.settings();
        HostSettings wrong = HostSettings.ssh("app", settings.user(), settings.hostname(), settings.port(), otherKey,
                settings.knownHosts().orElseThrow());

        assertThatThrownBy(() -> fixture.shell(Map.of("app", wrong)).on("app").run("true"))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("host [app] " + settings.address() + " refused the configured identity");
    }

    @Test
    void anUnknownHostKeyFailsWithItsFingerprintAndHowToTrustIt() throws Exception {
        Path empty = Files.writeString(server.folder().resolve("empty_known_hosts"), "");
        HostSettings settings = server.settings();
        HostSettings unknown = HostSettings.ssh("app", settings.user(), "127.0.0.1", settings.port(),
                settings.identity().orElseThrow(), empty);

        assertThatThrownBy(() -> fixture.shell(Map.of("app", unknown)).on("app").run("true"))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("the host key of [app] " + settings.address() + " is unknown: ssh-ed25519 "
                        + serverFingerprint() + " is not listed for [[127.0.0.1]:" + settings.port() + "]")
                .hasMessageContaining("ssh-keyscan -p " + settings.port() + " 127.0.0.1 >> " + empty);
    }

    @Test
    void aChangedHostKeyFailsSayingSoWithTheNewFingerprint() throws Exception {
        Path impostor = newKey("impostor_host_key");
        String[] publicKey = Files.readString(Path.of(impostor + ".pub")).trim().split("\\s+");
        Path knownHosts = Files.writeString(server.folder().resolve("changed_known_hosts"),
                "[127.0.0.1]:" + server.port() + " " + publicKey[0] + " " + publicKey[1] + "\n");
        HostSettings settings = server.settings();
        HostSettings changed = HostSettings.ssh("app", settings.user(), "127.0.0.1", settings.port(),
                settings.identity().orElseThrow(), knownHosts);

        assertThatThrownBy(() -> fixture.shell(Map.of("app", changed)).on("app").run("true"))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("CHANGED: the server offers ssh-ed25519 " + serverFingerprint())
                .hasMessageContaining("ssh-keygen -R '[127.0.0.1]:" + server.port() + "'");
    }

    @Test
    void aHungCommandIsStoppedAtItsDeadlineOnTheHostToo() {
        Shell shell = fixture.shell(Map.of("app", server.settings())).withTimeout(Duration.ofSeconds(1));
        String sleep = "sleep " + (7000 + new java.util.Random().nextInt(2000));
        long start = System.nanoTime();

        assertThatThrownBy(() -> shell.on("app").run("echo waiting; " + sleep))
                .isInstanceOf(ShellExpectationError.class)
                .hasMessageContaining("command [echo waiting; " + sleep + "] on host [app] did not finish within "
                        + "runbook.shell.timeout [1s] and was stopped; output so far: waiting");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(running(sleep)).as(sleep + " still running on the host").isFalse();
    }

    @Test
    void hugeOutputIsCappedAndTheCutIsCounted() throws Exception {
        Shell shell = fixture.shell(ShellFixture.environment(Map.of("app", server.settings())), true,
                new ShellOptions(Duration.ofSeconds(60), 64 * 1024));

        CommandResult result = shell.on("app").run("head -c 50000000 /dev/zero | tr '\\0' y").expectSuccess();

        assertThat(result.outputCapped()).isTrue();
        assertThat(result.output()).hasSize(64 * 1024).matches("y+");
        assertThat(Files.readString(fixture.reportDir.resolve(result.evidencePath())))
                .contains("--- stdout (50000000 bytes) ---", "(output capped: 49934464 more bytes of 50000000 not kept)");
    }

    @Test
    void aNonZeroExitFailsTheExpectationWithWhatTheHostSaid() {
        CommandResult result = fixture.shell(Map.of("app", server.settings())).on("app")
                .run("echo inactive; echo 'Unit not running' >&2; exit 3");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThatThrownBy(() -> result.expectExitCode(0)).isInstanceOf(ShellExpectationError.class)
                .hasMessageStartingWith("command [echo inactive; echo 'Unit not running' >&2; exit 3] on host [app] "
                        + "exited 3, expected 0\n  exit code: 3\n  stdout: inactive\n  stderr: Unit not running");
        assertThatThrownBy(() -> result.expectOutput("active")).hasMessageContaining("printed [inactive], expected [active]");
    }

    @Test
    void aSecretInTheOutputIsRedactedInMessagesAndEvidence() throws Exception {
        Path file = Files.writeString(server.folder().resolve("token.txt"), "token=tok-9f8e7d6c5b\n");
        ShellFixture secretive = fixture;
        var environment = ShellFixture.environment(Map.of("app", server.settings()));
        environment.secrets().add("${API_TOKEN}", "tok-9f8e7d6c5b");
        Shell shell = secretive.shell(environment, true, ShellOptions.defaults());

        CommandResult result = shell.on("app").run("cat " + file.toAbsolutePath());

        assertThatThrownBy(() -> result.expectOutput("nothing")).hasMessageContaining("printed [token=***]")
                .hasMessageNotContaining("tok-9f8e7d6c5b");
        assertThat(Files.readString(fixture.reportDir.resolve(result.evidencePath()))).contains("token=***")
                .doesNotContain("tok-9f8e7d6c5b");
    }

    @Test
    void aJumpHostTunnelsToTheTargetWhoseKeyIsStillVerified() {
        HostSettings bastion = server.settings();
        HostSettings app = HostSettings.ssh("app", bastion.user(), "127.0.0.1", server.port(),
                bastion.identity().orElseThrow(), bastion.knownHosts().orElseThrow()).through("bastion");
        Shell shell = fixture.shell(Map.of("app", app, "bastion", HostSettings.ssh("bastion", bastion.user(),
                "127.0.0.1", server.port(), bastion.identity().orElseThrow(), bastion.knownHosts().orElseThrow())));

        shell.on("app").run("echo via-bastion").expectOutput("via-bastion");
    }

    private long accepted() {
        return server.logs().lines().filter(line -> line.contains("Accepted publickey")).count();
    }

    private static boolean running(String commandLine) {
        for (int attempt = 0; attempt < 40; attempt++) {
            boolean running;
            try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
                running = all.anyMatch(process -> process.info().commandLine().orElse("").equals(commandLine));
            }
            if (!running) {
                return false;
            }
            sleep();
        }
        return true;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path newKey(String name) throws Exception {
        Path key = server.folder().resolve(name);
        Files.deleteIfExists(key);
        Files.deleteIfExists(Path.of(key + ".pub"));
        ProcessRunner.command(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())).run();
        return key;
    }

    /** Return the server's host key fingerprint as OpenSSH's own ssh-keygen prints it. */
    private static String serverFingerprint() throws Exception {
        String line = ProcessRunner.command(List.of("ssh-keygen", "-l", "-f",
                server.folder().resolve("ssh_host_ed25519_key.pub").toString())).run().stdout().text();
        return line.split("\\s+")[1];
    }
}
