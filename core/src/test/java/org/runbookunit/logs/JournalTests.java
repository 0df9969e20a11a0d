package org.runbookunit.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.internal.process.ProcessRunner;
import org.runbookunit.rehearsal.SshHostService;
import org.runbookunit.testing.SshServer;

/**
 * Read a unit's journal with {@code journalctl -o json} over SSH. A build container runs no journald, so there are no
 * journal entries to read: the command line is checked against the REAL {@code journalctl} (which rejects a bad
 * option or timestamp with exit code 1), and the entries come from a stand-in {@code journalctl} on the sshd host's
 * PATH that records its arguments and prints journald's JSON export lines (field names and encodings as systemd 252
 * writes them: microsecond {@code __REALTIME_TIMESTAMP} strings, {@code MESSAGE} as a byte array when it is not
 * UTF-8).
 */
class JournalTests {

    private static final Path BIN = Path.of("target", "sshd", "bin-journal").toAbsolutePath();
    private static SshHostService server;
    private LogsFixture fixture;

    @BeforeAll
    static void startSshd() throws Exception {
        Files.createDirectories(BIN);
        Path script = Files.writeString(BIN.resolve("journalctl"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + BIN
                + "/journalctl.args\ncat " + BIN + "/journal.json\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        server = SshServer.start("app", BIN);
    }

    @AfterAll
    static void stopSshd() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theRealJournalctlAcceptsTheCommandLine() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/journalctl")) || isCi(),
                "no journalctl on this machine");
        String command = JournalSource.command("air-demand-api", Optional.of(Instant.ofEpochSecond(1_734_611_040)));

        ProcessResult accepted = ProcessRunner.command(List.of("/bin/sh", "-c", "/usr/bin/" + command))
                .timeout(Duration.ofSeconds(20)).run();
        ProcessResult rejected = ProcessRunner.command(List.of("/bin/sh", "-c",
                "/usr/bin/" + command.replace("--since=@", "--since=@x"))).timeout(Duration.ofSeconds(20)).run();

        assertThat(command).isEqualTo("journalctl -u 'air-demand-api' -o json -q --no-pager --since=@1734611040");
        assertThat(accepted.exitCode()).as("journalctl " + accepted.stderr().text()).isZero();
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.stderr().text()).contains("Failed to parse timestamp");
    }

    @Test
    void entriesSinceTheRunStartAreScannedWithTheirTimesAndByteMessages() throws Exception {
        fixture = new LogsFixture(Map.of("app", server.settings()));
        long start = fixture.runStart.toEpochMilli() * 1000;
        Files.writeString(BIN.resolve("journal.json"), String.join("\n",
                entry(start - 3_600_000_000L, "6", "\"ERROR scrape failed an hour ago\""),
                entry(start + 1_000_000, "6", "\"INFO Application startup complete.\""),
                entry(start + 2_000_000, "3", "\"ERROR digest send failed: SMTP 421\""),
                entry(start + 3_000_000, "3", "[69,82,82,79,82,32,98,97,100,32,98,121,116,101,32,255]"), ""));
        LogQuery journal = fixture.logs.journal("app", "air-demand-api").sinceRunStart();

        assertThat(journal.lines()).extracting(LogLine::text).containsExactly("INFO Application startup complete.",
                "ERROR digest send failed: SMTP 421", "ERROR bad byte \uFFFD");
        assertThat(journal.lines().get(0).time()).contains(Instant.ofEpochSecond(0, (start + 1_000_000) * 1000));
        assertThat(Files.readAllLines(BIN.resolve("journalctl.args"))).containsExactly("-u", "air-demand-api", "-o",
                "json", "-q", "--no-pager", "--since=@" + fixture.runStart.getEpochSecond());
        assertThatThrownBy(() -> journal.allow("bad byte").expectNo("ERROR|CRITICAL"))
                .isInstanceOf(LogsExpectationError.class)
                .hasMessageContaining("1 line(s) of the journal of [air-demand-api] on host [app] since the run started")
                .hasMessageContaining("ERROR digest send failed: SMTP 421");
        journal.expectLine("Application startup complete", Duration.ofSeconds(5));
    }

    @Test
    void aLineThatIsNotJsonIsReported() {
        assertThatThrownBy(() -> JournalSource.parse("-- No entries --"))
                .hasMessage("journalctl printed a line that is not JSON: [-- No entries --]");
    }

    /** Return one entry as {@code journalctl -o json} prints it (systemd 252 field set for a service's stdout). */
    private static String entry(long realtimeMicros, String priority, String message) {
        return "{\"__CURSOR\":\"s=3f1c;i=" + realtimeMicros % 100000 + ";b=9a2e;m=" + realtimeMicros % 977
                + ";t=" + Long.toHexString(realtimeMicros) + ";x=1\",\"__REALTIME_TIMESTAMP\":\"" + realtimeMicros
                + "\",\"__MONOTONIC_TIMESTAMP\":\"" + realtimeMicros % 9_000_000_000L + "\",\"_BOOT_ID\":"
                + "\"9a2e6c4d5b7f48e1a0b3c2d1e0f9a8b7\",\"_TRANSPORT\":\"stdout\",\"PRIORITY\":\"" + priority
                + "\",\"SYSLOG_FACILITY\":\"3\",\"SYSLOG_IDENTIFIER\":\"uvicorn\",\"_PID\":\"812\",\"_UID\":\"0\","
                + "\"_GID\":\"0\",\"_COMM\":\"uvicorn\",\"_EXE\":\"/root/air-demand/.venv/bin/python3.12\","
                + "\"_CMDLINE\":\"/root/air-demand/.venv/bin/python3.12 /root/air-demand/.venv/bin/uvicorn app.main:app"
                + " --host 0.0.0.0 --port 8123\",\"_SYSTEMD_CGROUP\":\"/system.slice/air-demand-api.service\","
                + "\"_SYSTEMD_UNIT\":\"air-demand-api.service\",\"_SYSTEMD_SLICE\":\"system.slice\","
                + "\"_HOSTNAME\":\"air-demand-staging\",\"MESSAGE\":" + message + "}";
    }

    private static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
