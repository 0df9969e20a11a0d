package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.runbookunit.db.Database;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Rehearsal;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

/**
 * Seed 000's staging validation rehearsed locally ("Local mirrors staging/production architecture"): against the
 * {@code rehearsal} environment the stack starts in containers and binds {@code api} and the database; against staging
 * the same class checks the endpoints of runbook.yaml and starts nothing.
 */
// tag::runbook[]
@Runbook("air-demand local rehearsal")
@Rehearsal(AirDemandStack.class)
class AirDemandLocalRehearsal {

    @Nested
    @Phase(order = 1, value = "Services running")
    class Services {
        @Step(order = 1, value = "API healthy")
        void api(Http http) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
        }

        @Step(order = 2, value = "API reaches its database")
        void apiDatabase(Http http) {
            http.get("api", "/health/db").expectStatus(200).expectJson("database", "connected");
        }
    }

    @Nested
    @Phase(order = 2, value = "Data")
    class Data {
        @Step(order = 1, value = "Database reachable, 747 roles")
        void roles(Database db) {
            db.expectConnectsWithin(Duration.ofSeconds(5));
            assertThat(db.count("roles")).isEqualTo(747);
        }

        @Step(order = 2, value = "API serves the database's roles")
        void apiRoles(Http http) {
            http.get("api", "/demand/roles?limit=5").expectStatus(200).expectJson("total", 747).expectJson("roles.size()", 5);
        }
    }
}
// end::runbook[]
