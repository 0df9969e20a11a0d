package org.runbookunit.examples;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.runbookunit.Severity;
import org.runbookunit.history.History;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

/**
 * Seed 000, step 7 ("Monitor 24-48 hours"), run every hour by a CI schedule against staging: health and scheduler,
 * no errors, and, once a day of runs is recorded, the monitoring period judged from the run ledger.
 */
@Runbook("air-demand staging monitoring")
class AirDemandStagingMonitoring {

    @Nested
    @Phase(order = 7, value = "Monitor 24-48 hours")
    class Monitor {

        @Step(order = 1, value = "Health and scheduler OK")
        void health(Http http) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
            http.get("api", "/health/ready").expectStatus(200).expectJson("checks.scheduler", "ok");
        }

        @Step(order = 2, value = "No errors in the logs", severity = Severity.MAJOR)
        void errors(Http http) {
            http.get("api", "/monitoring/errors").expectStatus(200).expectJson("total_errors", 0);
        }

        @Step(order = 3, value = "24 hours monitored: hourly checks all passed, no errors", severity = Severity.MAJOR)
        void period(History history) {
            Duration day = Duration.ofHours(24).plusMinutes(30); // hourly runs, half an hour for the schedule's jitter
            history.expectPassingRuns("7.1", 24, day).expectNoFailuresWithin("7.1", day).expectNoFailuresWithin("7.2", day);
        }
    }
}
