package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.examples.hosts.AirDemandHostStack;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Destructive;
import org.runbookunit.junit.Manual;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Rehearsal;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.logs.Logs;
import org.runbookunit.shell.FileCopy;
import org.runbookunit.shell.Shell;
import org.runbookunit.windows.Windows;

/**
 * Seed 001's cutover, the items done on the droplets: the new droplet's services before and after, the old droplet's
 * services stopped (scheduler first) and its API unreachable, the health monitoring cron installed, the scheduled jobs
 * registered, the next scheduled scrape verified (new roles stored, no errors, no alerts) and no errors in the logs. Stopping services and installing the cron change the hosts:
 * {@code @Destructive}, refused in read-only production unless {@code runbook.allow-destructive=true}.
 */
// tag::runbook[]
@Runbook("air-demand cutover on the droplets")
@Rehearsal(AirDemandHostStack.class)
class AirDemandHostCutover {

    @Nested
    @Phase(order = 1, value = "Pre-cutover validation")
    class PreCutover {

        @Step(order = 1, value = "New droplet: API and scheduler active, no errors in their logs")
        void newDroplet(Shell shell, Logs logs) {
            shell.on("app").checks().serviceActive("air-demand-api").serviceActive("air-demand-scheduler");
            logs.journal("app", "air-demand-api").since(Duration.ofHours(1)).expectNo("ERROR|CRITICAL");
        }

        @Step(order = 2, value = "Team notified of the cutover window")
        @Manual("Tell the team when the cutover starts and how long it takes (about 3 hours of active work, a week "
                + "of monitoring), and that the old droplet stays as the rollback for one week")
        void teamNotified() {
        }
    }

    @Nested
    @Phase(order = 2, value = "Database backup")
    class DatabaseBackup {

        @Step(order = 1, value = "Full backup created on the droplet with a timestamp, compressed")
        @Destructive
        void created(Shell shell, RunbookEnvironment environment) {
            String backup = shell.on("app").run("mkdir -p backups && export $(grep DATABASE_URL air-demand/.env | xargs) "
                    + "&& BACKUP_FILE=\"$PWD/backups/production_backup_$(date +%Y%m%d_%H%M%S).sql\" "
                    + "&& pg_dump \"$DATABASE_URL\" > \"$BACKUP_FILE\" && gzip \"$BACKUP_FILE\" && ls \"$BACKUP_FILE.gz\"")
                    .expectSuccess().expectOutputMatches(".*/production_backup_\\d{8}_\\d{6}\\.sql\\.gz").output().strip();
            shell.on("app").readOnly().run("zcat '" + backup + "' | grep -c '^COPY public.roles '").expectOutput("1");
        }

        @Step(order = 2, value = "Backup downloaded to the local machine, checksum equal")
        void downloaded(Shell shell, RunbookEnvironment environment) throws IOException {
            String backup = shell.on("app").readOnly().run("ls -t backups/production_backup_*.sql.gz | head -1")
                    .expectSuccess().output().strip();
            Path local = Path.of(environment.property("local-backups")).resolve(Path.of(backup).getFileName());
            FileCopy copy = shell.on("app").download(backup, local).expectSizeAtLeast(1024);
            assertThat(LocalBackups.roleRows(copy.localFile())).as("roles rows in the downloaded dump").isGreaterThan(700);
        }
    }

    @Nested
    @Phase(order = 3, value = "Configuration updates")
    class ConfigurationUpdates {

        @Step(order = 1, value = "CORS and IP changes committed and pushed")
        @Destructive
        void pushed(Shell shell, RunbookEnvironment environment) {
            String repo = "cd '" + environment.property("workstation-repo") + "' && ";
            shell.on("workstation").run(repo + "git show --stat --format=%s HEAD").expectSuccess()
                    .expectOutputContains("config/app.properties");
            DropletRelease.push(shell, environment);
        }

        @Step(order = 2, value = "Deployed to the new production: git pull, API restarted, new CORS origins served")
        @Destructive
        void deployed(Shell shell, Http http, RunbookEnvironment environment, Windows windows) {
            String repo = "cd '" + environment.property("workstation-repo") + "' && ";
            String pushed = shell.on("workstation").run(repo + "git rev-parse --short HEAD").expectSuccess().output().strip();
            String startedBefore = DropletRelease.startedAt(http);
            shell.on("app").run("cd '" + environment.property("app-repo") + "' && git pull --ff-only -q && "
                    + "systemctl restart air-demand-api").expectSuccess();
            DropletRelease.awaitServed(http, windows, pushed, startedBefore);
            String newOrigin = environment.property("new-origin");
            http.withHeader("Origin", newOrigin).get("api", "/health").expectHeader("Access-Control-Allow-Origin", newOrigin);
            http.withHeader("Origin", environment.property("old-origin")).get("api", "/health")
                    .expectHeader("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Nested
    @Phase(order = 4, value = "Production cutover")
    class Cutover {

        @Step(order = 1, value = "Announce the cutover: the new droplet is production")
        @Manual("Tell the team the new droplet is production now, with its API, dashboard and /health URLs")
        void announce() {
        }
    }

    @Nested
    @Phase(order = 5, value = "Pause old production droplet")
    class PauseOldProduction {

        @Step(order = 1, value = "Stop the old services, scheduler first; none left running")
        @Destructive
        void stop(Shell shell, RunbookEnvironment environment) {
            shell.on("old-prod").run("systemctl stop air-demand-scheduler && systemctl stop air-demand-api")
                    .expectSuccess();
            shell.on("old-prod").checks().serviceInactive("air-demand-scheduler").serviceInactive("air-demand-api")
                    .processNotRunning(environment.property("old-process"));
        }

        @Step(order = 2, value = "Power off the old droplet (do NOT destroy it)")
        @Manual("DigitalOcean console → the old droplet → Power Off; keep it one week as the rollback")
        void powerOff() {
        }

        @Step(order = 3, value = "Old API unreachable")
        void unreachable(Shell shell) {
            shell.expectEndpointUnreachable("old-api", Duration.ofSeconds(3));
        }
    }

    @Nested
    @Phase(order = 6, value = "Post-cutover validation")
    class PostCutover {

        @Step(order = 1, value = "Install the health monitoring cron job")
        @Destructive
        void cron(Shell shell) {
            shell.on("app").run("echo '*/5 * * * * /root/air-demand/scripts/monitor_health.sh' | crontab -")
                    .expectSuccess();
            shell.on("app").checks().crontabContains("*/5 * * * * /root/air-demand/scripts/monitor_health.sh");
        }

        @Step(order = 2, value = "Scheduled jobs registered, no errors in the scheduler log")
        void scheduler(Logs logs) {
            var scheduler = logs.journal("app", "air-demand-scheduler");
            scheduler.expectLine("job_scheduled id=scrape_5 ", Duration.ofSeconds(30));
            scheduler.expectLine("job_scheduled id=daily_digest ", Duration.ofSeconds(30));
            scheduler.since(Duration.ofHours(1)).expectNo("ERROR|CRITICAL");
        }

        @Step(order = 3, value = "Scheduler status (check_health): last scrape and digest recent, no alerts")
        void schedulerStatus(Shell shell, RunbookEnvironment environment) {
            SchedulerHealth.read(shell, "app", environment).expectHealthy();
        }

        @Step(order = 4, value = "After the next scheduled scrape: no errors, new roles discovered, database updated, "
                + "no alerts")
        void afterTheScrape(Shell shell, Http http, Logs logs, RunbookEnvironment environment, Windows windows) {
            Instant waitFrom = Instant.now();
            int runs = SchedulerHealth.read(shell, "app", environment).number("scrape.runs");
            int rolesBefore = http.get("api", "/demand/roles?limit=1").expectStatus(200).json("total");
            SchedulerHealth after = SchedulerHealth.awaitRun(windows, shell, "app", environment, "scrape", runs,
                    Duration.ofHours(12).plusMinutes(30)).expectHealthy();
            assertThat(after.number("scrape.last.errors")).as("errors in the scrape").isZero();
            assertThat(after.number("scrape.last.new")).as("new roles the scrape discovered").isPositive();
            int rolesAfter = http.get("api", "/demand/roles?limit=1").expectStatus(200).json("total");
            assertThat(rolesAfter).as("roles in the database after the scrape (before: " + rolesBefore + ")")
                    .isGreaterThanOrEqualTo(after.number("scrape.last.total")).isGreaterThan(rolesBefore);
            assertThat(after.number("alerts")).as("alerts").isZero();
            logs.journal("app", "air-demand-scheduler").since(waitFrom)
                    .expectNo("ERROR|CRITICAL");
        }
    }

    @Nested
    @Phase(order = 8, value = "Before deleting the old droplet")
    class BeforeDeletion {

        @Step(order = 2, value = "Backup present on the local machine and readable")
        void backupKept(RunbookEnvironment environment) throws IOException {
            Path newest = LocalBackups.newest(Path.of(environment.property("local-backups")));
            assertThat(LocalBackups.roleRows(newest)).as("roles rows in " + newest).isGreaterThan(700);
        }
    }
}
// end::runbook[]
