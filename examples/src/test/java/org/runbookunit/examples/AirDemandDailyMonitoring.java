package org.runbookunit.examples;

import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.runbookunit.Severity;
import org.runbookunit.history.History;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

/**
 * Seed 001, Phase 7 (one-week monitoring), run twice a day by a CI schedule after each scheduled scrape (05:00 and
 * 17:00 UTC): the daily health check, the scrape, the dashboard, the database, and the week's success metrics judged
 * from the run ledger.
 */
// tag::runbook[]
@Runbook("air-demand daily monitoring")
class AirDemandDailyMonitoring {

    @Nested
    @Phase(order = 7, value = "One-week monitoring")
    class Monitoring {

        @Step(order = 1, value = "Daily health check: healthy, at most 10 errors in the last hour")
        void health(Http http) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
            http.get("api", "/monitoring/errors").expectStatus(200).expectJson("errors_last_hour", lessThanOrEqualTo(10));
        }

        @Step(order = 2, value = "Scheduled scrape completed: scheduler ready, roles not shrunk")
        void scrape(Http http, History history) {
            http.get("api", "/health/ready").expectStatus(200).expectJson("checks.scheduler", "ok");
            int roles = http.get("api", "/demand/roles?limit=1").expectStatus(200).json("total");
            history.compare("roles", roles).expectNotShrunk();
        }

        // MAJOR: WARNED while the week is not complete yet, so each day's run can still be GO
        @Step(order = 3, value = "Seven consecutive daily GO runs and 14 scrapes (2/day × 7 days), the dashboard, "
                + "the database and the error target fine in every run", severity = Severity.MAJOR)
        void week(History history) {
            Duration week = Duration.ofDays(7).plusHours(12);
            history.expectGoOnConsecutiveDays(7).expectPassingRuns("7.2", 14, week).expectPassingRuns("7.4", 14, week)
                    .expectPassingRuns("7.5", 14, week).expectPassingRuns("7.6", 14, week);
        }

        @Step(order = 4, value = "Dashboard loads (\"Paraform Roles\")")
        void dashboard(Http http) {
            http.get("dashboard", "/").expectStatus(200).expectBodyContains("Paraform Roles");
        }

        @Step(order = 5, value = "Database connected, no database errors")
        void database(Http http) {
            http.get("api", "/health/db").expectStatus(200).expectJson("database", "connected");
            http.get("api", "/monitoring/errors").expectStatus(200)
                    .expectJson("recent_errors.findAll { it.message =~ /(?i)database|connection|sql/ }.size()", 0);
        }

        // the red flag is more than 10 an hour (7.1); the week's success criterion is under 5
        @Step(order = 6, value = "Week-1 target: fewer than 5 errors in the last hour", severity = Severity.MAJOR)
        void errorTarget(Http http) {
            http.get("api", "/monitoring/errors").expectStatus(200).expectJson("errors_last_hour", lessThan(5));
        }
    }
}
// end::runbook[]
