package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.runbookunit.Severity;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.examples.hosts.AirDemandHostStack;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Rehearsal;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.logs.Logs;
import org.runbookunit.shell.Shell;
import org.runbookunit.windows.Windows;

/**
 * Seed 000's staging validation, the items done on the droplet (M09-D and the guide's steps 4-6): services running,
 * schedule registered, check_health, the scheduled scrape and digest happening on their own, health monitor installed
 * and writing, no errors in the API and scheduler logs, the
 * {@code .env} complete. Locally the droplet is {@link AirDemandHostStack}'s sshd; against staging, the host of
 * runbook.yaml. Every command runs {@code readOnly()}: the runbook changes nothing on the host.
 */
// tag::runbook[]
@Runbook("air-demand droplet validation")
@Rehearsal(AirDemandHostStack.class)
class AirDemandHostValidation {

    @Nested
    @Phase(order = 1, value = "Services running")
    class Services {

        @Step(order = 1, value = "air-demand-api and air-demand-scheduler active")
        void active(Shell shell) {
            shell.on("app").checks().serviceActive("air-demand-api").serviceActive("air-demand-scheduler");
        }

        @Step(order = 2, value = "API process running")
        void process(Shell shell, RunbookEnvironment environment) {
            shell.on("app").checks().processRunning(environment.property("api-process"));
        }

        @Step(order = 3, value = ".env holds the credentials the services need and the schedule: scrapes at 5 and 17, "
                + "digest at 6")
        void env(Shell shell) {
            Map<String, String> env = shell.on("app").checks().readEnv("air-demand/.env", "APP_NAME", "ENVIRONMENT",
                    "DATABASE_URL", "MAILGUN_API_KEY", "DIGEST_RECIPIENT", "SCRAPE_HOURS", "DIGEST_HOUR");
            assertThat(env.get("SCRAPE_HOURS")).as("SCRAPE_HOURS in .env").isEqualTo("5,17");
            assertThat(env.get("DIGEST_HOUR")).as("DIGEST_HOUR in .env").isEqualTo("6");
        }

        @Step(order = 4, value = "API docs served at /docs", severity = Severity.MAJOR)
        void docs(Http http) {
            http.get("api", "/docs").expectStatus(200).expectBodyContains("Air Demand API - Swagger UI")
                    .expectBodyContains("/demand/roles");
            http.get("api", "/openapi.json").expectStatus(200).expectJson("info.title", "Air Demand API");
        }
    }

    @Nested
    @Phase(order = 2, value = "Schedule configured")
    class Schedule {

        @Step(order = 1, value = "Scrapes at 05:00 and 17:00 and the 06:00 digest are scheduled")
        void jobs(Logs logs) {
            var scheduler = logs.journal("app", "air-demand-scheduler");
            scheduler.expectLine("job_scheduled id=scrape_5 trigger=cron\\[hour='5'", Duration.ofSeconds(30));
            scheduler.expectLine("job_scheduled id=scrape_17 trigger=cron\\[hour='17'", Duration.ofSeconds(30));
            scheduler.expectLine("job_scheduled id=daily_digest trigger=cron\\[hour='6'", Duration.ofSeconds(30));
        }

        @Step(order = 2, value = "Scheduler alive: heartbeat under a minute old")
        void heartbeat(Shell shell, RunbookEnvironment environment) {
            shell.on("app").checks().fileFresherThan(environment.property("scheduler-heartbeat"), Duration.ofMinutes(1));
        }

        @Step(order = 3, value = "System health: last scrape and last digest recent, no alerts (check_health)")
        void systemHealth(Shell shell, RunbookEnvironment environment) {
            SchedulerHealth health = SchedulerHealth.read(shell, "app", environment).expectHealthy();
            assertThat(health.number("scrape.last.errors")).as("errors in the last scrape").isZero();
            assertThat(health.number("alerts")).as("alerts").isZero();
        }

        @Step(order = 4, value = "Scrape automation: the next scrape runs on schedule without a manual trigger")
        void scrapeAutomation(Shell shell, RunbookEnvironment environment, Windows windows) {
            int runs = SchedulerHealth.read(shell, "app", environment).number("scrape.runs");
            SchedulerHealth after = SchedulerHealth.awaitRun(windows, shell, "app", environment, "scrape", runs,
                    Duration.ofHours(12).plusMinutes(30));
            assertThat(after.value("scrape.last.trigger")).isEqualTo("schedule");
            assertThat(after.number("scrape.last.hour")).as("hour of the last scrape (UTC)").isIn(5, 17);
            assertThat(after.number("scrape.last.errors")).as("errors in the last scrape").isZero();
        }

        @Step(order = 5, value = "Digest automation: the daily digest goes out at 06:00")
        void digestAutomation(Shell shell, RunbookEnvironment environment, Windows windows) {
            int runs = SchedulerHealth.read(shell, "app", environment).number("digest.runs");
            SchedulerHealth after = SchedulerHealth.awaitRun(windows, shell, "app", environment, "digest", runs,
                    Duration.ofHours(24).plusMinutes(30));
            assertThat(after.number("digest.last.hour")).as("hour of the last digest (UTC)").isEqualTo(6);
            shell.on("app").readOnly().run("head -3 '" + after.value("digest.last.file") + "'")
                    .expectOutputMatches("(?m)^To: \\S+@\\S+$").expectOutputContains("Subject: Air Demand daily digest");
        }
    }

    @Nested
    @Phase(order = 3, value = "Monitoring")
    class Monitoring {

        @Step(order = 1, value = "Health monitor runs from cron every 5 minutes")
        void cron(Shell shell) {
            shell.on("app").checks().crontabContains("*/5 * * * * /root/air-demand/scripts/monitor_health.sh");
        }

        @Step(order = 2, value = "Health log written in the last 10 minutes, healthy")
        void healthLog(Shell shell, Logs logs, RunbookEnvironment environment) {
            String healthLog = environment.property("health-log");
            shell.on("app").checks().fileFresherThan(healthLog, Duration.ofMinutes(10));
            logs.file("app", healthLog).since(Duration.ofMinutes(10)).expectNo("UNHEALTHY")
                    .expectLine("healthy", Duration.ofSeconds(5));
        }

        @Step(order = 3, value = "Enough disk and memory on the droplet", severity = Severity.MAJOR)
        void resources(Shell shell) {
            shell.on("app").checks().freeDiskAtLeast("/", 1L << 30).freeMemoryAtLeast(128L << 20);
        }
    }

    @Nested
    @Phase(order = 4, value = "Error logs")
    class ErrorLogs {

        @Step(order = 1, value = "No errors in the API and scheduler logs for 24 hours")
        void noErrors(Logs logs) {
            logs.journal("app", "air-demand-api").since(Duration.ofHours(24)).expectNo("ERROR|CRITICAL");
            logs.journal("app", "air-demand-scheduler").since(Duration.ofHours(24)).expectNo("ERROR|CRITICAL");
        }
    }
}
// end::runbook[]
