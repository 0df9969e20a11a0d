package org.runbookunit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.SilentServer;

class HttpFailureTests {

    private final HttpFixture fixture = new HttpFixture();

    @Test
    void connectionRefusedIsOneClearFailure() throws IOException {
        URI closedPort = closedLoopbackPort();

        assertThatThrownBy(() -> fixture.http(closedPort).get("api", "/health"))
                .isInstanceOf(HttpExpectationError.class)
                .hasMessageMatching("(?s)GET api /health: no response after \\d+ ms: connection refused .*")
                .hasMessageContaining("evidence: evidence/1.1-01-get-api-health-no-response.http");
        assertThat(Files.readString(fixture.evidenceFile(0))).contains("no response after");
    }

    @Test
    void aServerThatNeverAnswersFailsAtTheDeadline() throws IOException {
        try (SilentServer silent = SilentServer.start()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> fixture.http(silent.uri(), Duration.ofMillis(300)).get("api", "/health"))
                    .isInstanceOf(HttpExpectationError.class)
                    .hasMessageMatching("(?s)GET api /health: no response after \\d+ ms: the deadline of 300 ms "
                            + "\\(runbook.http.timeout\\) passed while the response headers were still arriving.*");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(silent.connections()).isEqualTo(1);
        }
    }

    @Test
    void serverErrorFailsTheStatusExpectationWithTheBody() {
        try (LoopbackServer server = LoopbackServer.start()
                .json("/health", 500, "{\"detail\":\"Internal Server Error\"}")) {
            Http http = fixture.http(server.uri());

            http.get("api", "/health").expectStatus(200);

            assertThatThrownBy(http::verify).hasMessageContaining("status: expected [200] but was [500]")
                    .hasMessageContaining("body (34 bytes): {\"detail\":\"Internal Server Error\"}");
        }
    }

    @Test
    void malformedJsonIsAFailedExpectationNotACrash() {
        try (LoopbackServer server = LoopbackServer.start().json("/health", 200, "{\"status\": healthy")) {
            Http http = fixture.http(server.uri());

            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");

            assertThatThrownBy(http::verify).isInstanceOf(HttpExpectationError.class)
                    .hasMessageContaining("json [status]: the body is not valid JSON (")
                    .hasMessageContaining("body (18 bytes): {\"status\": healthy");
        }
    }

    @Test
    void emptyBodyIsNotValidJson() {
        try (LoopbackServer server = LoopbackServer.start().route("/health",
                exchange -> LoopbackServer.respond(exchange, 204, "application/json", new byte[0]))) {
            Http http = fixture.http(server.uri());

            http.get("api", "/health").expectJson("status", "healthy");

            assertThatThrownBy(http::verify).hasMessageContaining("json [status]: the body is not valid JSON (the body is empty)");
        }
    }

    @Test
    void aTenMebibyteBodyFailsClearlyWithAShortMessageAndCutEvidence() throws IOException {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        try (LoopbackServer server = LoopbackServer.start()
                .route("/export", exchange -> LoopbackServer.respond(exchange, 200, "text/plain", huge))) {
            Http http = fixture.http(server.uri());

            http.get("api", "/export").expectStatus(200).expectBodyContains("Paraform Roles");

            assertThatThrownBy(http::verify).hasMessageContaining("body: expected to contain [\"Paraform Roles\"] but did not")
                    .hasMessageContaining("body (10485760 bytes): xxx")
                    .satisfies(error -> assertThat(error.getMessage()).hasSizeLessThan(1000));
            String evidence = Files.readString(fixture.evidenceFile(0));
            assertThat(evidence).contains("… body cut: 10485760 bytes in all, the first 65536 saved");
            assertThat(Files.size(fixture.evidenceFile(0))).isLessThan(ExchangeEvidence.MAX_BODY_BYTES + 1024);
        }
    }

    private static URI closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
