package org.runbookunit.bench;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;

/**
 * Check {@code /health} with REST Assured alone, on its defaults: the floor for any facade that keeps REST Assured as
 * its engine.
 */
final class BareRestAssuredHealthChecks implements HealthChecks {

    private final String health;

    BareRestAssuredHealthChecks(URI baseUri) {
        this.health = baseUri.resolve("/health").toString();
    }

    @Override
    public String name() {
        return "bare REST Assured";
    }

    @Override
    public void run(int checks) {
        for (int i = 0; i < checks; i++) {
            Response response = RestAssured.given().get(health);
            String body = response.asString();
            if (response.statusCode() != 200 || !body.contains("healthy")) {
                throw new IllegalStateException("unhealthy answer: " + response.statusCode() + " " + body);
            }
        }
    }
}
