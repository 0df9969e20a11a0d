package org.runbookunit.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbookunit.rehearsal.SshHostService;
import org.runbookunit.testing.SshServer;

/**
 * Check the seed runbooks' host facts over a real SSH session. The processes, disk, memory, file times and .env are
 * real; systemd does not run in a build container, so {@code systemctl is-active} is a stand-in script on the sshd
 * host's PATH that answers from pid files, and {@code crontab -l} one that prints a crontab file the test writes (the
 * real one would need the system cron spool).
 */
class HostChecksTests {

    private static final Path BIN = Path.of("target", "sshd", "bin-checks").toAbsolutePath();
    private static final Path UNITS = Path.of("target", "sshd", "units").toAbsolutePath();
    private static SshHostService server;
    private final ShellFixture fixture = new ShellFixture();
    private Process service;

    @BeforeAll
    static void startSshd() throws Exception {
        Files.createDirectories(BIN);
        Files.createDirectories(UNITS);
        script("systemctl", "#!/bin/sh\n[ \"$1\" = is-active ] || exit 64\npid=$(cat " + UNITS + "/\"$2\".pid 2>/dev/null)\n"
                + "if [ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null; then echo active; exit 0; fi\necho inactive; exit 3\n");
        script("crontab", "#!/bin/sh\n[ \"$1\" = -l ] || exit 64\ncat " + UNITS + "/crontab 2>/dev/null "
                + "|| { echo 'no crontab for '\"$(id -un)\" >&2; exit 1; }\n");
        server = SshServer.start("app", BIN);
    }

    @AfterAll
    static void stopSshd() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void stop() {
        fixture.close();
        if (service != null) {
            service.destroyForcibly();
        }
    }

    @Test
    void aRunningUnitIsActiveAndAStoppedOneInactive() throws Exception {
        service = new ProcessBuilder("sleep", "300").start();
        Files.writeString(UNITS.resolve("air-demand-api.pid"), Long.toString(service.pid()));
        Files.deleteIfExists(UNITS.resolve("air-demand-scheduler.pid"));
        HostChecks checks = checks();

        checks.serviceActive("air-demand-api").serviceInactive("air-demand-scheduler");
        assertThatThrownBy(() -> checks.serviceActive("air-demand-scheduler")).isInstanceOf(ShellExpectationError.class)
                .hasMessageContaining("command [systemctl is-active 'air-demand-scheduler'] on host [app] printed "
                        + "[inactive], expected [active]");
        assertThatThrownBy(() -> checks.serviceInactive("air-demand-api"))
                .hasMessageContaining("host [app] unit [air-demand-api] is [active], expected it stopped");
    }

    @Test
    void aProcessIsFoundByItsCommandLineAndTheCheckDoesNotFindItself() throws Exception {
        service = new ProcessBuilder("sleep", "301").start();
        HostChecks checks = checks();

        checks.processRunning("sleep 301").processNotRunning("sleep 30[2]");
        assertThatThrownBy(() -> checks.processNotRunning("sleep 301"))
                .hasMessageContaining("processes matching [sleep 301] run: [" + service.pid() + " sleep 301]");
        assertThatThrownBy(() -> checks.processRunning("uvicorn app.main:app --port 8123"))
                .hasMessageContaining("exited 1, expected 0");
    }

    @Test
    void freeDiskAndMemoryAreReadFromTheHost() {
        HostChecks checks = checks();

        checks.freeDiskAtLeast("/", 1).freeMemoryAtLeast(1024 * 1024);
        assertThatThrownBy(() -> checks.freeDiskAtLeast("/", Long.MAX_VALUE / 2))
                .hasMessageMatching("(?s)host \\[app\\] has [0-9.]+ [KMGT]?i?B free on \\[/\\], expected at least 4194304.0 TiB.*");
        assertThatThrownBy(() -> checks.freeMemoryAtLeast(1L << 50))
                .hasMessageContaining("of memory available, expected at least 1024.0 TiB");
    }

    @Test
    void theCrontabMustHoldTheEntry() throws Exception {
        Files.writeString(UNITS.resolve("crontab"), "# m h dom mon dow command\n"
                + "*/5  *  * * * /root/air-demand/scripts/monitor_health.sh\n# 0 6 * * * /old/digest.sh\n");
        HostChecks checks = checks();

        checks.crontabContains("*/5 * * * * /root/air-demand/scripts/monitor_health.sh");
        assertThatThrownBy(() -> checks.crontabContains("/old/digest.sh"))
                .hasMessageContaining("crontab has no active line containing [/old/digest.sh]");
    }

    @Test
    void aFileIsFreshOrTooOldByTheHostsClock() throws Exception {
        Path log = Files.writeString(UNITS.resolve("air-demand-health.log"), "healthy\n").toAbsolutePath();
        Path stale = Files.writeString(UNITS.resolve("last-digest"), "sent\n").toAbsolutePath();
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(7)).minusSeconds(1080)));
        HostChecks checks = checks();

        checks.fileFresherThan(log.toString(), Duration.ofMinutes(5));
        assertThat(checks.fileAge(stale.toString())).isBetween(Duration.ofMinutes(437), Duration.ofMinutes(440));
        assertThatThrownBy(() -> checks.fileFresherThan(stale.toString(), Duration.ofHours(6)))
                .hasMessageContaining("was modified 7.3 h ago, expected at most 6.0 h ago");
    }

    @Test
    void aRemoteEnvFileBecomesSecretsAndMustHoldTheRequiredKeys() throws Exception {
        Path env = Files.writeString(UNITS.resolve(".env"), "# air-demand\nAPP_NAME=\"Air Demand\"\n"
                + "export DATABASE_URL=postgresql://app:pa55-w0rd-xyz@db.example:25060/defaultdb\nEMPTY=\n").toAbsolutePath();
        var environment = ShellFixture.environment(Map.of("app", server.settings()));
        HostChecks checks = fixture.shell(environment, true, ShellOptions.defaults()).on("app").checks();

        Map<String, String> values = checks.readEnv(env.toString(), "APP_NAME", "DATABASE_URL");

        assertThat(values).containsEntry("APP_NAME", "Air Demand").containsKey("DATABASE_URL");
        assertThat(environment.secrets().redact("url " + values.get("DATABASE_URL"))).isEqualTo("url ***");
        try (var files = Files.list(fixture.reportDir.resolve("evidence"))) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).doesNotContain("pa55-w0rd-xyz").doesNotContain("Air Demand");
            }
        }
        assertThatThrownBy(() -> checks.readEnv(env.toString(), "DATABASE_URL", "EMPTY", "SMTP_PASSWORD"))
                .hasMessageContaining("lacks required keys (or their values are empty): [EMPTY, SMTP_PASSWORD]")
                .hasMessageNotContaining("pa55");
    }

    private HostChecks checks() {
        return fixture.shell(Map.of("app", server.settings())).on("app").checks();
    }

    private static void script(String name, String text) throws Exception {
        Path file = Files.writeString(BIN.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
