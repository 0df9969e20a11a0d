package org.runbookunit.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.secrets.Secrets;
import org.runbookunit.testing.PostgresServer;
import org.runbookunit.windows.FailureBudget;
import org.runbookunit.windows.Sample;
import org.runbookunit.windows.WindowResult;
import org.runbookunit.windows.Windows;

/**
 * A window over a database survives a PostgreSQL restart in its middle: samples after the restart use a fresh
 * connection, so only samples taken while the server was really down fail (it used to fail every later sample with
 * "This connection has been closed" and break the budget: a false NO-GO).
 */
class DatabaseRestartTests {

    private final PostgresServer server = PostgresServer.dedicated();
    private final Evidence evidence = new Evidence(Path.of("target", "db-restart", UUID.randomUUID().toString()), "1");

    @AfterEach
    void stopServer() {
        server.stopNow();
    }

    @Test
    void aWindowOverADatabaseReconnectsAfterTheServerRestarts() throws Exception {
        String name = server.createDatabase("restart");
        server.execute(name, "CREATE TABLE roles (id int); INSERT INTO roles SELECT generate_series(1, 747);");
        try (Database db = new Database(server.superuser(name), DatabaseOptions.defaults("test"), evidence,
                Secrets.none())) {
            assertThat(db.count("roles")).isEqualTo(747);
            CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
                sleep(Duration.ofMillis(800));
                try {
                    server.restart();
                } catch (java.io.IOException cannotRestart) {
                    throw new java.io.UncheckedIOException(cannotRestart);
                }
            });

            WindowResult window = new Windows(evidence, 1, () -> { }).watch("roles stay counted", Duration.ofSeconds(4),
                    Duration.ofMillis(100), FailureBudget.maxConsecutiveFailures(Integer.MAX_VALUE),
                    () -> assertThat(db.count("roles")).isEqualTo(747));
            restart.get();

            List<Sample> samples = window.samples();
            int lastFailure = lastFailedIndex(samples);
            assertThat(samples.subList(lastFailure + 1, samples.size())).as("samples after the restart")
                    .hasSizeGreaterThan(10).allMatch(Sample::passed);
            assertThat(samples.get(samples.size() - 1).offset()).isGreaterThan(Duration.ofSeconds(3));
            assertThat(samples.stream().filter(sample -> !sample.passed()).map(Sample::message))
                    .noneMatch(message -> message.contains("This connection has been closed"));
        }
    }

    private static int lastFailedIndex(List<Sample> samples) {
        for (int i = samples.size() - 1; i >= 0; i--) {
            if (!samples.get(i).passed()) {
                return i;
            }
        }
        return -1;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
