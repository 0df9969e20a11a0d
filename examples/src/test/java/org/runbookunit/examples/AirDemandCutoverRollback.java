package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Destructive;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.windows.Windows;

/**
 * Seed 001's cutover with its rollback procedure: the new production ({@code api}) takes the production configuration
 * and is smoke-tested while the old one ({@code old-api}) still runs; when a CRITICAL step fails, the rollback phase
 * runs instead of being blocked: the old production serves again and the new one is switched back.
 */
// tag::runbook[]
@Runbook("air-demand cutover with rollback")
class AirDemandCutoverRollback {

    @Nested
    @Phase(order = 1, value = "Pre-cutover validation")
    class PreCutover {
        @Step(order = 1, value = "Old and new production healthy")
        void health(Http http) {
            http.get("old-api", "/health").expectStatus(200).expectJson("status", "healthy");
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
        }
    }

    @Nested
    @Phase(order = 3, value = "Configuration switch")
    @Destructive
    class Switch {
        @Step(order = 1, value = "New production switched to the production configuration and restarted")
        void switchAndRestart(Http http, RunbookEnvironment environment, Windows windows) {
            Http admin = http.withBearerToken(environment.property("admin-token"));
            admin.put("api", "/admin/config", "{\"environment\":\"production\",\"scrape_hours\":[5,17]}").expectStatus(200);
            admin.post("api", "/admin/restart").expectStatus(202);
            windows.eventually("api ready after the restart", Duration.ofMinutes(5),
                    () -> http.get("api", "/health/ready").expectStatus(200));
        }
    }

    @Nested
    @Phase(order = 4, value = "Production smoke tests")
    class Smoke {
        @Step(order = 1, value = "Roles served by the new production (~747)")
        void roles(Http http) {
            http.get("api", "/demand/roles?limit=5").expectStatus(200)
                    .expectJson("total", Integer.class, total -> assertThat(total).isBetween(700, 800));
        }
    }

    @Nested
    @Phase(order = 99, value = "Rollback", onFailureOnly = true)
    @Destructive
    class Rollback {
        @Step(order = 1, value = "Old production serves again, scheduler ready")
        void oldServes(Http http) {
            http.get("old-api", "/health").expectStatus(200).expectJson("status", "healthy");
            http.get("old-api", "/health/ready").expectStatus(200).expectJson("checks.scheduler", "ok");
        }

        @Step(order = 2, value = "New production switched back, so only one scheduler scrapes")
        void newSwitchedBack(Http http, RunbookEnvironment environment) {
            http.withBearerToken(environment.property("admin-token"))
                    .put("api", "/admin/config", "{\"environment\":\"staging\",\"scrape_hours\":[3,15]}").expectStatus(200)
                    .expectJson("environment", "staging");
        }
    }
}
// end::runbook[]
