package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.db.Database;
import org.runbookunit.db.Postgres;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.shell.HostShell;
import org.runbookunit.shell.Shell;
import org.runbookunit.suites.Suites;
import org.runbookunit.windows.Windows;

/**
 * Seed 004, section 12: roll temponest staging back from v1.8.0 to v1.7.0 — stop the services, restore the database
 * from the backup step 1.2 of {@link TemponestStagingChecklist} made (the newest {@code staging_*.dump} of
 * {@code backup-dir}), check out v1.7.0, redeploy, and verify with the smoke tests. The commands are the environment's
 * {@code down-command} and {@code up-command} (staging: {@code docker compose -f docker-compose.prod.yml down} and
 * {@code up -d}), run on host {@code local} in the checkout {@code temponest-home}. Rehearsed by
 * {@code TemponestRollbackTests} after the checklist went NO-GO on a faulty v1.8.0.
 *
 * <p>What the rehearsal found in the seed's procedure: restoring over v1.8.0's schema fails, because migration 007's
 * views depend on {@code agent_runs}, which the restore drops and recreates; step 12.2 takes 007 and 006 down first
 * (their down scripts in {@code migrations-dir}/down).
 */
@Runbook(value = "temponest staging rollback", budget = "1h")
class TemponestRollback {

    @Nested
    @Phase(order = 12, value = "Rollback procedure")
    class Rollback {
        @Step(order = 1, value = "Services stopped (compose down)")
        void stop(Shell shell, RunbookEnvironment environment) {
            checkout(shell, environment).run(in(environment) + environment.property("down-command")).expectSuccess();
            for (String service : TemponestStagingChecklist.SERVICES) {
                shell.expectEndpointUnreachable(service, Duration.ofSeconds(10));
            }
        }

        @Step(order = 2, value = "Database restored from the pre-upgrade backup: schema 005, row counts as backed up")
        void restore(Database db, Postgres postgres, RunbookEnvironment environment) {
            Path backup = newestBackup(Path.of(environment.property("backup-dir")));
            Path down = Path.of(environment.property("migrations-dir")).resolve("down");
            db.applyMigrations(down, "007_*.sql");
            db.applyMigrations(down, "006_*.sql");
            postgres.restore(backup);
            db.expectTables("users", "agents", "agent_runs", "schedules", "webhooks");
            assertThat(db.views("v_%")).as("views of migration 007 in the restored database (schema 005 has none)")
                    .isEmpty();
            assertThat(db.indexes("idx_agent_runs_%")).as("indexes of migration 006 in the restored database").isEmpty();
        }

        @Step(order = 3, value = "v1.7.0 checked out")
        void checkoutPrevious(Shell shell, RunbookEnvironment environment) {
            HostShell host = checkout(shell, environment);
            host.run(in(environment) + "git checkout -q v1.7.0").expectSuccess();
            host.run(in(environment) + "git describe --tags --exact-match HEAD").expectOutput("v1.7.0");
            host.run(in(environment) + "cat VERSION").expectOutput("1.7.0");
        }

        @Step(order = 4, value = "Redeployed: every service healthy, v1.7.0 answering")
        void redeploy(Shell shell, Http http, Windows windows, RunbookEnvironment environment) {
            checkout(shell, environment).run(in(environment) + environment.property("up-command")).expectSuccess();
            windows.eventually("all services healthy", Duration.ofSeconds(300), () -> {
                for (String service : TemponestStagingChecklist.SERVICES) {
                    http.get(service, "/health").expectStatus(200).expectJson("status", "healthy");
                }
            });
            http.get("agents", "/version").expectStatus(200).expectJson("version", "1.7.0");
        }

        @Step(order = 5, value = "Rollback verified with the smoke tests")
        void verify(Suites suites, RunbookEnvironment environment) {
            TemponestSuites.smoke(suites, environment);
        }
    }

    private static HostShell checkout(Shell shell, RunbookEnvironment environment) {
        return shell.on("local").timeout(Duration.ofMinutes(2));
    }

    private static String in(RunbookEnvironment environment) {
        return "cd '" + environment.property("temponest-home") + "' && ";
    }

    /** Return the newest {@code staging_*.dump} of the folder, or fail naming the folder and the step that makes one. */
    static Path newestBackup(Path folder) {
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().matches("staging_.*\\.dump"))
                    .max(Comparator.comparing(file -> file.toFile().lastModified()))
                    .orElseThrow(() -> new AssertionError("no backup staging_*.dump in backup-dir [" + folder
                            + "]: nothing to restore; step 1.2 of the staging checklist makes it before the migrations"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
