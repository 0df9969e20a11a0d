package org.runbookunit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.LoopbackServer;

class HttpExpectationTests {

    private static final String HEALTH = "{\"status\":\"healthy\",\"total\":747,\"roles\":[{\"id\":1},{\"id\":2}]}";

    private final LoopbackServer server = LoopbackServer.start()
            .json("/health", 200, HEALTH)
            .json("/degraded", 503, "{\"status\":\"degraded\",\"total\":3}");
    private final HttpFixture fixture = new HttpFixture();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void expectationsThatHoldReportNothing() {
        Http http = fixture.http(server.uri());

        http.get("api", "/health").expectStatus(200).expectJson("status", "healthy").expectJson("total", 747L)
                .expectJson("roles.size()", greaterThan(1)).expectJson("total", Integer.class, total -> assertThat(total).isBetween(700, 800))
                .expectHeader("Content-Type", "application/json").expectHeader("content-type", startsWith("application/"))
                .expectBodyContains("healthy").expectFasterThan(Duration.ofSeconds(5));

        assertThatCode(http::verify).doesNotThrowAnyException();
    }

    @Test
    void everyFailedExpectationOfACallIsReportedTogether() {
        Http http = fixture.http(server.uri());

        http.get("api", "/degraded").expectStatus(200).expectJson("status", "healthy").expectHeader("X-Version", "0.9.0")
                .expectBodyContains("Paraform Roles").expectJson("total", greaterThan(700));

        assertThatThrownBy(http::verify).isInstanceOf(HttpExpectationError.class)
                .hasMessageStartingWith("GET api /degraded → 503 in ")
                .hasMessageContaining("5 expectations failed")
                .hasMessageContaining("  - status: expected [200] but was [503]")
                .hasMessageContaining("  - json [status]: expected [\"healthy\"] but was [\"degraded\"]")
                .hasMessageContaining("  - header [X-Version]: expected [\"0.9.0\"] but was absent")
                .hasMessageContaining("  - body: expected to contain [\"Paraform Roles\"] but did not")
                .hasMessageContaining("  - json [total]: expected a value greater than <700> but was [3]")
                .hasMessageContaining("body (31 bytes): {\"status\":\"degraded\",\"total\":3}")
                .hasMessageContaining("evidence: evidence/1.1-01-get-api-degraded-503.http");
    }

    @Test
    void aSingleFailureIsNamedOnTheFirstLine() {
        Http http = fixture.http(server.uri());

        http.get("api", "/degraded").expectStatus(200);

        assertThatThrownBy(http::verify).hasMessageMatching(
                "(?s)GET api /degraded → 503 in \\d+ ms: status: expected \\[200\\] but was \\[503\\]\n.*");
    }

    @Test
    void failuresSurfaceWhenTheNextCallStarts() {
        Http http = fixture.http(server.uri());
        http.get("api", "/degraded").expectStatus(200);

        assertThatThrownBy(() -> http.get("api", "/health")).hasMessageContaining("GET api /degraded → 503");
        assertThat(server.requestHeaders()).hasSize(1);
    }

    @Test
    void typedAssertionFailuresAreCollectedWithTheirPath() {
        Http http = fixture.http(server.uri());

        http.get("api", "/health").expectJson("total", Integer.class, total -> assertThat(total).isLessThan(100));

        assertThatThrownBy(http::verify).hasMessageContaining("json [total]: ")
                .hasMessageContaining("Expecting actual: 747 to be less than: 100");
    }

    @Test
    void requestAndResponseAreSavedAsEvidence() throws IOException {
        Http http = fixture.http(server.uri());

        HttpCall call = http.get("api", "/health");

        assertThat(call.evidencePath()).isEqualTo("evidence/1.1-01-get-api-health-200.http");
        assertThat(Files.readString(fixture.evidenceFile(0))).startsWith("GET " + server.uri() + "/health\n")
                .contains("HTTP/1.1 200 OK", "Content-type: application/json", HEALTH);
    }

    @Test
    void postSendsAJsonBody() {
        server.route("/echo", exchange -> LoopbackServer.respond(exchange, 201, "application/json",
                exchange.getRequestBody().readAllBytes()));
        Http http = fixture.http(server.uri());

        http.post("api", "/echo", java.util.Map.of("limit", 5)).expectStatus(201).expectJson("limit", 5);

        assertThatCode(http::verify).doesNotThrowAnyException();
    }
}
