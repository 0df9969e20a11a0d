package org.runbookunit.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.HostSettings;
import org.runbookunit.rehearsal.SshHostService;
import org.runbookunit.testing.SshServer;

/** Scan real log files, over SSH on a real sshd and on the runner: since a time, from an offset, allowed errors. */
class LogFileTests {

    private static SshHostService server;
    private static Path folder;
    private LogsFixture fixture;

    @BeforeAll
    static void startSshd() throws Exception {
        server = SshServer.start("app", Path.of("target", "sshd", "bin-empty"));
        folder = Files.createDirectories(server.folder().resolve("var-log")).toAbsolutePath();
    }

    @AfterAll
    static void stopSshd() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void onlyErrorsSinceTheTimeCountAndAllowedOnesPass() throws Exception {
        fixture = new LogsFixture(Map.of("app", server.settings()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Path log = Files.writeString(folder.resolve("api.log"), String.join("\n",
                now.minus(Duration.ofHours(2)) + " ERROR database timeout (before the window)",
                now.minusSeconds(30) + " INFO Application startup complete",
                now.minusSeconds(20) + " ERROR upstream 502, retrying",
                now.minusSeconds(10) + " CRITICAL scheduler crashed",
                "Traceback (most recent call last): ERROR in the stack trace", ""));
        LogQuery recent = fixture.logs.file("app", log.toString()).since(Duration.ofMinutes(5));

        assertThat(recent.count("ERROR|CRITICAL")).isEqualTo(3);
        assertThatThrownBy(() -> recent.allow("retrying").expectNo("ERROR|CRITICAL"))
                .isInstanceOf(LogsExpectationError.class)
                .hasMessageContaining("2 line(s) of the file [" + log + "] on host [app] since the last 5m match "
                        + "[ERROR|CRITICAL] (1 more allowed by [retrying]); first: " + now.minusSeconds(10)
                        + " CRITICAL scheduler crashed; last: ");
        recent.allow("retrying").allow("CRITICAL scheduler|stack trace").expectNo("ERROR|CRITICAL");
        fixture.logs.file("app", log.toString()).since(now.minusSeconds(25)).allow("retrying|CRITICAL|Traceback")
                .expectNo("ERROR");
    }

    @Test
    void matchingLinesAreEvidenceWithCountsAndSecretsRedacted() throws Exception {
        fixture = new LogsFixture(Map.of("app", server.settings()));
        fixture.environment.secrets().add("${DB_PASSWORD}", "pw-4f3e2d1c");
        Path log = Files.writeString(folder.resolve("scheduler.log"),
                Instant.now() + " ERROR login failed for app:pw-4f3e2d1c@db.example\n");

        assertThatThrownBy(() -> fixture.logs.file("app", log.toString()).sinceRunStart().expectNo("ERROR"))
                .hasMessageContaining("login failed for app:***@db.example").hasMessageNotContaining("pw-4f3e2d1c");
        try (var files = Files.list(fixture.reportDir.resolve("evidence"))) {
            Path evidence = files.filter(file -> file.getFileName().toString().contains("logs")).findFirst().orElseThrow();
            assertThat(Files.readString(evidence)).contains("lines scanned: 1", "matching: 1, allowed: 0, failing: 1",
                    "ERROR login failed for app:***@db.example").doesNotContain("pw-4f3e2d1c");
        }
    }

    @Test
    void aReadFromAnOffsetSeesOnlyWhatWasWrittenAfterIt() throws Exception {
        fixture = new LogsFixture(Map.of("app", server.settings()));
        Path log = Files.writeString(folder.resolve("restart.log"), "ERROR before the restart\n");
        LogQuery query = fixture.logs.file("app", log.toString());
        long end = query.endOffset();
        Files.writeString(log, "INFO restarted\n", StandardOpenOption.APPEND);

        assertThat(end).isEqualTo(25);
        assertThat(query.fromOffset(end).lines()).extracting(LogLine::text).containsExactly("INFO restarted");
        query.fromOffset(end).expectNo("ERROR");
    }

    @Test
    void aLineThatAppearsWithinTheDeadlineIsFoundAndOneThatDoesNotFails() throws Exception {
        fixture = new LogsFixture(Map.of("runner", HostSettings.local("runner")));
        Path log = Files.writeString(folder.resolve("startup.log"), "INFO Waiting for application startup.\n");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> append(log, "INFO Application startup complete.\n"),
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));

        LogLine line = fixture.logs.file("runner", log.toString()).expectLine("Application startup complete",
                Duration.ofSeconds(20));
        writer.join();

        assertThat(line.text()).isEqualTo("INFO Application startup complete.");
        assertThatThrownBy(() -> fixture.logs.file("runner", log.toString()).expectLine("Uvicorn running",
                Duration.ofSeconds(1))).isInstanceOf(LogsExpectationError.class)
                .hasMessageStartingWith("no line of the file [" + log + "] on host [runner] since the beginning matched "
                        + "[Uvicorn running] within 1s (2 lines read; last: INFO Application startup complete.)");
    }

    @Test
    void aMissingFileIsNamed() {
        fixture = new LogsFixture(Map.of("app", server.settings()));

        assertThatThrownBy(() -> fixture.logs.file("app", "/no/such/air-demand.log").expectNo("ERROR"))
                .hasMessageContaining("cannot read file [/no/such/air-demand.log] on host [app]: exit code 1")
                .hasMessageContaining("No such file");
    }

    @Test
    void fromOffsetIsForFilesOnly() {
        fixture = new LogsFixture(Map.of("app", server.settings()));

        assertThatThrownBy(() -> fixture.logs.journal("app", "air-demand-api").fromOffset(10))
                .hasMessage("fromOffset applies to log files only, not to the journal of [air-demand-api] on host "
                        + "[app]; use since(…)");
    }

    private static void append(Path log, String text) {
        try {
            Files.writeString(log, text, StandardOpenOption.APPEND);
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }
}
