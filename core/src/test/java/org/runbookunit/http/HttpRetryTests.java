package org.runbookunit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Warnings;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.ScriptedHealthServer;

class HttpRetryTests {

    private final HttpFixture fixture = new HttpFixture();
    private final Warnings warnings = new Warnings();

    @Test
    void aCallThatPassesOnlyAfterARetryIsAWarningWithEveryAttemptInTheEvidence() {
        try (ScriptedHealthServer server = ScriptedHealthServer.byRequest(List.of(503, 502))) {
            Http http = http(server.uri().toString()).retry(3);

            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy").verify();

            assertThat(server.requests()).isEqualTo(3);
            assertThat(warnings.all()).singleElement().asString()
                    .startsWith("GET api /health passed only on attempt 3 of 4; attempt 1: status: expected [200] but was "
                            + "[503] (evidence/1.1-01-get-api-health-503.http); attempt 2: status: expected [200] but was "
                            + "[502] (evidence/1.1-02-get-api-health-502.http)");
            assertThat(fixture.evidence.items()).hasSize(3);
        }
    }

    @Test
    void aCallThatFailsEveryAttemptFailsWithTheLastAttempt() {
        try (ScriptedHealthServer server = ScriptedHealthServer.alwaysDown()) {
            Http http = http(server.uri().toString()).retry(2);

            http.get("api", "/health").expectStatus(200);

            assertThatThrownBy(http::verify).hasMessageStartingWith("GET api /health → 503 in ")
                    .hasMessageContaining("(attempt 3 of 3): status: expected [200] but was [503]");
            assertThat(server.requests()).isEqualTo(3);
            assertThat(warnings.all()).isEmpty();
        }
    }

    @Test
    void aCleanFirstAttemptIsNoWarning() {
        try (ScriptedHealthServer server = ScriptedHealthServer.byRequest(List.of())) {
            http(server.uri().toString()).retry(3).get("api", "/health").expectStatus(200).verify();

            assertThat(server.requests()).isEqualTo(1);
            assertThat(warnings.all()).isEmpty();
        }
    }

    @Test
    void latencyBetweenTheWarningAndTheFailureThresholdIsDegradedNotFailed() {
        try (LoopbackServer server = LoopbackServer.start().route("/slow", exchange -> {
            sleep(150);
            LoopbackServer.respond(exchange, 200, "application/json", "{}".getBytes());
        })) {
            Http http = http(server.uri().toString());

            http.get("api", "/slow").expectFasterThan(Duration.ofMillis(100), Duration.ofSeconds(5)).verify();
            http.get("api", "/slow").expectFasterThan(Duration.ofMillis(20), Duration.ofMillis(100));

            assertThat(warnings.all()).singleElement().asString().matches(
                    "GET api /slow: latency \\d+ ms is above the warning threshold \\[100 ms] \\(fails at \\[5000 ms]\\)");
            assertThatThrownBy(http::verify).hasMessageContaining("latency: expected under [100 ms] but was [");
        }
    }

    private Http http(String api) {
        return new Http(new RunbookEnvironment("test", Map.of("api", java.net.URI.create(api))), Duration.ofSeconds(5),
                fixture.evidence, warnings);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
