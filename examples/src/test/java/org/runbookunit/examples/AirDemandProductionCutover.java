package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.runbookunit.Severity;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Destructive;
import org.runbookunit.junit.NotIn;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.windows.Poll;
import org.runbookunit.windows.Windows;

/**
 * The steps of air-demand's production cutover (seed 001) that differ by environment: health checks run everywhere,
 * the configuration switch and the restart change the system ({@code @Destructive}: refused in read-only production
 * unless {@code runbook.allow-destructive=true}), and the one-week monitoring is not for a local rehearsal.
 */
// tag::runbook[]
@Runbook("air-demand production cutover")
class AirDemandProductionCutover {

    @Nested
    @Phase(order = 1, value = "Pre-cutover validation")
    class PreCutover {

        @Step(order = 1, value = "All health endpoints return 200")
        void health(Http http) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
            http.get("api", "/health/db").expectStatus(200).expectJson("database", "connected");
            http.get("api", "/health/ready").expectStatus(200);
            http.get("api", "/monitoring/errors").expectStatus(200);
        }

        @Step(order = 3, value = "Role count as expected (~747)")
        void roles(Http http) {
            http.get("api", "/demand/roles?limit=1").expectStatus(200)
                    .expectJson("total", Integer.class, total -> assertThat(total).isBetween(700, 800));
        }
    }

    @Nested
    @Phase(order = 3, value = "Configuration updates")
    @Destructive
    class ConfigurationUpdates {

        @Step(order = 1, value = "Switch the configuration to production")
        void switchConfig(Http http, RunbookEnvironment environment) {
            String origins = "[\"http://localhost:3000\",\"" + environment.property("new-origin") + "\"]";
            admin(http, environment).put("api", "/admin/config", "{\"environment\":\"production\",\"app_name\":"
                    + "\"Air Demand\",\"scrape_hours\":[5,17],\"digest_hour\":6,\"allowed_origins\":" + origins + "}")
                    .expectStatus(200).expectJson("environment", "production").expectJson("app_name", "Air Demand")
                    .expectJson("scrape_hours", contains(5, 17)).expectJson("digest_hour", 6);
        }

        @Step(order = 2, value = "Restart services with the new configuration")
        void restart(Http http, RunbookEnvironment environment) {
            admin(http, environment).post("api", "/admin/restart").expectStatus(202);
        }

        @Step(order = 3, value = "Services ready again within 5 minutes")
        void readyAgain(Http http, Windows windows) {
            windows.eventually("api ready after the restart", Duration.ofMinutes(5), Poll.every(Duration.ofSeconds(5)),
                    () -> http.get("api", "/health/ready").expectStatus(200));
        }

        private Http admin(Http http, RunbookEnvironment environment) {
            return http.withBearerToken(environment.property("admin-token"));
        }
    }

    @Nested
    @Phase(order = 4, value = "Production smoke tests")
    class Smoke {

        @Step(order = 1, value = "Health reports the production configuration")
        void production(Http http) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy")
                    .expectJson("environment", "production");
        }
    }

    @Nested
    @Phase(order = 6, value = "Post-cutover validation")
    class PostCutover {

        @Step(order = 1, value = "API functionality: a page of roles and the shared constants")
        void functionality(Http http) {
            http.get("api", "/demand/roles?page_size=5").expectStatus(200).expectJson("roles.size()", 5);
            http.get("api", "/shared/constants").expectStatus(200).expectJson("sources", hasItem("paraform"))
                    .expectJson("locations.size()", greaterThan(0));
        }

        @Step(order = 2, value = "CORS: the new production dashboard's origin allowed, the old one's not")
        void cors(Http http, RunbookEnvironment environment) {
            String newOrigin = environment.property("new-origin");
            http.withHeader("Origin", newOrigin).get("api", "/health").expectStatus(200)
                    .expectHeader("Access-Control-Allow-Origin", newOrigin);
            http.withHeader("Origin", environment.property("old-origin")).get("api", "/health").expectStatus(200)
                    .expectHeader("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Nested
    @Phase(order = 7, value = "One-week monitoring")
    @NotIn("local")
    class Monitoring {

        @Step(order = 1, value = "Daily health check")
        void daily(Http http) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
        }

        @Step(order = 2, value = "Error rate under 10 per hour", severity = Severity.MAJOR)
        void errorRate(Http http) {
            http.get("api", "/monitoring/errors").expectStatus(200).expectJson("errors_last_hour", lessThan(10));
        }
    }
}
// end::runbook[]
