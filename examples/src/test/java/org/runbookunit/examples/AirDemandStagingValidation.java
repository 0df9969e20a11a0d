package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.runbookunit.Severity;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

/**
 * The health checks of air-demand's "Staging Validation" (seed 000, items 2 and 4) and of the production cutover's
 * "Phase 1: Pre-Cutover Validation" (seed 001, 1.1 and 1.3), as one runbook.
 */
// tag::runbook[]
@Runbook("air-demand staging validation")
class AirDemandStagingValidation {

    @Nested
    @Phase(order = 1, value = "Health endpoints")
    class HealthEndpoints {

        @Step(order = 1, value = "API /health returns healthy")
        void health(Http http) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy")
                    .expectFasterThan(Duration.ofMillis(500));
        }

        @Step(order = 2, value = "Database connected, latency under 250 ms")
        void database(Http http) {
            http.get("api", "/health/db").expectStatus(200).expectJson("database", "connected")
                    .expectJson("latency_ms", lessThan(250));
        }

        @Step(order = 3, value = "API and scheduler ready")
        void ready(Http http) {
            http.get("api", "/health/ready").expectStatus(200).expectJson("status", "ready")
                    .expectJson("checks.database", "ok").expectJson("checks.scheduler", "ok");
        }

        @Step(order = 4, value = "No errors recorded", severity = Severity.MAJOR)
        void errors(Http http) {
            http.get("api", "/monitoring/errors").expectStatus(200).expectJson("total_errors", 0);
        }
    }

    @Nested
    @Phase(order = 2, value = "Data")
    class Data {

        @Step(order = 1, value = "Roles served (expect ~747)")
        void roles(Http http) {
            http.get("api", "/demand/roles?limit=5").expectStatus(200).expectJson("roles.size()", 5)
                    .expectJson("total", Integer.class, total -> assertThat(total).isBetween(700, 800));
        }

        @Step(order = 2, value = "Invalid limit rejected with 422", severity = Severity.MINOR)
        void badLimit(Http http) {
            http.get("api", "/demand/roles?limit=0").expectStatus(422).expectJson("detail[0].loc[1]", "limit");
        }
    }
}
// end::runbook[]
