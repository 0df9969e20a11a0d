package org.runbookunit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.model.StepResult;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.RawServer;
import org.runbookunit.testing.SelfSignedHttpsServer;

/** Misbehaving loopback servers: each fault is one clear step failure, the next step runs, no secret leaks. */
class HttpFaultTests {

    @Test
    void headersDrippingAByteASecondFailAtTheDeadlineNotAfterThirtySeconds() throws IOException {
        try (RawServer drip = RawServer.drippingHeaders()) {
            FaultRun run = new FaultRun().setting(ConfigKeys.HTTP_TIMEOUT, "3s");

            run.run(drip.uri(), http -> http.get("api", FaultRun.withSecretQuery("/drip")).expectStatus(200));

            StepResult fault = run.assertOneClearFailure("GET api /drip", "no response after",
                    "the deadline of 3000 ms (runbook.http.timeout) passed while the response headers were still arriving");
            System.out.println("1 byte/s header drip with a 3s timeout: the step failed after " + fault.duration().toMillis()
                    + " ms");
            assertThat(fault.duration()).isBetween(Duration.ofMillis(2900), Duration.ofMillis(4500));
        }
    }

    @Test
    void aBodyDrippingAByteASecondFailsAtTheDeadlineNamingTheBytesSoFar() throws IOException {
        try (RawServer drip = RawServer.drippingBody()) {
            FaultRun run = new FaultRun().setting(ConfigKeys.HTTP_TIMEOUT, "2s");

            run.run(drip.uri(), http -> http.get("api", FaultRun.withSecretQuery("/slow")).expectStatus(200));

            StepResult fault = run.assertOneClearFailure("GET api /slow?token=*** → 200: no complete response after",
                    "passed while the body was still arriving (");
            assertThat(fault.duration()).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
        }
    }

    @Test
    void anEndlessBodyStopsAtTheCapNamingTheKey() throws IOException {
        try (RawServer endless = RawServer.endlessBody()) {
            FaultRun run = new FaultRun().setting(ConfigKeys.HTTP_MAX_BODY, "1MB");

            run.run(endless.uri(), http -> http.get("api", FaultRun.withSecretQuery("/stream")).expectStatus(200));

            run.assertOneClearFailure("GET api /stream?token=*** → 200: no complete response after",
                    "the response body goes on past 1048576 bytes, over runbook.http.max-body [1MB]; reading stopped there."
                            + " Raise runbook.http.max-body (e.g. -Drunbook.http.max-body=4MB)");
            assertThat(evidence(run, "stream", "200")).contains("HTTP/1.1 200 OK", "Transfer-Encoding: chunked",
                    "the body's start:", "… body cut: 1048576 bytes in all, the first 65536 saved");
        }
    }

    @Test
    void aDeclaredBodyOverTheCapIsRefusedBeforeReadingIt() throws IOException {
        try (LoopbackServer big = LoopbackServer.start().route("/big", exchange -> {
            exchange.sendResponseHeaders(200, 20L << 20);
            exchange.getResponseBody().write(new byte[1024]);
        })) {
            FaultRun run = new FaultRun();

            run.run(big.uri(), http -> http.get("api", "/big").expectStatus(200));

            run.assertOneClearFailure("the response body is 20971520 bytes (Content-Length), over runbook.http.max-body [16MB]");
        }
    }

    @Test
    void aSmallGzipBodyThatInflatesPastTheCapStopsAtTheCapCountingInflatedBytes() throws IOException {
        try (LoopbackServer bomb = LoopbackServer.start().route("/bomb", exchange -> gzip(exchange, new byte[40 << 20]))) {
            FaultRun run = new FaultRun();

            run.run(bomb.uri(), http -> http.get("api", "/bomb").expectStatus(200));

            run.assertOneClearFailure("GET api /bomb → 200: no complete response after",
                    "the response body goes on past 16777216 bytes, over runbook.http.max-body [16MB]");
        }
    }

    @Test
    void aGzipBodyUnderTheCapIsStillReadAndParsed() throws IOException {
        try (LoopbackServer api = LoopbackServer.start().route("/health", exchange ->
                gzip(exchange, "{\"status\":\"healthy\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            org.assertj.core.api.Assertions.assertThatCode(() -> new org.runbookunit.http.Http(
                    new org.runbookunit.config.RunbookEnvironment("test", java.util.Map.of("api", api.uri())),
                    Duration.ofSeconds(5), new org.runbookunit.evidence.Evidence(Path.of("target", "faults",
                            "gzip-" + java.util.UUID.randomUUID()), "1"))
                    .get("api", "/health").expectStatus(200).expectJson("status", "healthy").verify())
                    .doesNotThrowAnyException();
        }
    }

    private static void gzip(com.sun.net.httpserver.HttpExchange exchange, byte[] plain) throws IOException {
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(packed)) {
            out.write(plain);
        }
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        LoopbackServer.respond(exchange, 200, "application/json", packed.toByteArray());
    }

    @Test
    void aRedirectLoopIsNamedWithItsHops() throws IOException {
        try (LoopbackServer loop = LoopbackServer.start().route("/a", exchange -> redirect(exchange, "/b"))
                .route("/b", exchange -> redirect(exchange, "/a"))) {
            FaultRun run = new FaultRun();

            run.run(loop.uri(), http -> http.get("api", "/a").expectStatus(200));

            run.assertOneClearFailure("GET api /a: no response after", "circular redirect after 3 hops: /a → /b → /a → /b again; fix the redirects (Location headers) on the server");
        }
    }

    @Test
    void aFollowedRedirectShowsEveryHopInTheEvidence() throws IOException {
        try (LoopbackServer moved = LoopbackServer.start().route("/old", exchange -> redirect(exchange, "/new"))
                .json("/new", 200, "{}")) {
            FaultRun run = new FaultRun();

            run.run(moved.uri(), http -> http.get("api", "/old").expectStatus(500));

            run.assertOneClearFailure("GET api /old → 200");
            assertThat(evidence(run, "old", "200")).contains("GET " + moved.uri() + "/old\n", "→ redirected to /new\n");
            assertThat(moved.requests()).containsExactly("GET /old", "GET /new");
        }
    }

    @Test
    void aSelfSignedCertificateNamesBothFixes(@org.junit.jupiter.api.io.TempDir Path keys)
            throws IOException, GeneralSecurityException, InterruptedException {
        try (SelfSignedHttpsServer tls = SelfSignedHttpsServer.start(keys)) {
            FaultRun run = new FaultRun();

            run.run(tls.uri(), http -> http.get("api", "/health").expectStatus(200));

            run.assertOneClearFailure("GET api /health: no response after", "certificate not trusted (",
                    "— set `ignore-https-errors: true` for environment [staging] or call `withRelaxedTls()`");
        }
    }

    @Test
    void tlsToAPlainPortSaysTheServerDidNotAnswerTls() throws IOException {
        try (LoopbackServer plain = LoopbackServer.start().json("/health", 200, "{}")) {
            FaultRun run = new FaultRun().setting(ConfigKeys.HTTP_TIMEOUT, "2s");

            run.run(URI.create(plain.uri().toString().replace("http:", "https:")),
                    http -> http.get("api", "/health").expectStatus(200));

            run.assertOneClearFailure("GET api /health: no response after",
                    "the server accepted the connection but did not answer TLS within the deadline of 2000 ms",
                    "is it a plain HTTP port? write the endpoint with http://");
        }
    }

    @Test
    void tlsToAPlainPortThatAnswersInPlainTextSaysTheServerDidNotAnswerTls() throws IOException {
        try (RawServer plain = RawServer.plainHttpAnsweringAnything()) {
            FaultRun run = new FaultRun();

            run.run(URI.create(plain.uri().toString().replace("http:", "https:")),
                    http -> http.get("api", "/health").expectStatus(200));

            run.assertOneClearFailure("GET api /health: no response after", "the server did not answer TLS (",
                    "is it a plain HTTP port? write the endpoint with http:// instead of https://");
        }
    }

    @Test
    void aRefusedConnectionSaysRefused() throws IOException {
        FaultRun run = new FaultRun();

        run.run(URI.create("http://127.0.0.1:" + freePort()), http -> http.get("api", "/health").expectStatus(200));

        StepResult fault = run.assertOneClearFailure("GET api /health: no response after", "connection refused (",
                "nothing listens on that port");
        assertThat(fault.duration()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aServerClosingWithoutAnswerIsAskedOnceNotRetriedOutOfSight() throws IOException {
        try (RawServer closing = RawServer.closingWithoutAnswer()) {
            FaultRun run = new FaultRun();

            run.run(closing.uri(), http -> http.withHeader("X-Big", "b".repeat(1 << 20)).get("api", "/health")
                    .expectStatus(200));

            run.assertOneClearFailure("the server closed the connection without answering; the request's headers are",
                    "servers commonly refuse more than 8KB: send smaller headers");
            assertThat(closing.connections()).isEqualTo(1);
            String evidence = evidence(run, "no-response", "");
            assertThat(evidence).contains("X-Big: bbbb", " … cut: 1048576 characters in all");
            assertThat(evidence.length()).isLessThan(80_000);
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().add("Location", to);
        exchange.sendResponseHeaders(302, -1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Return the fault step's evidence file whose name holds the given parts. */
    private static String evidence(FaultRun run, String... nameParts) throws IOException {
        try (Stream<Path> files = Files.walk(run.reports)) {
            Path file = files.filter(path -> path.getFileName().toString().startsWith("2-"))
                    .filter(path -> Stream.of(nameParts).allMatch(part -> path.getFileName().toString().contains(part)))
                    .findFirst().orElseThrow(() -> new AssertionError("no evidence file of step 2 in " + run.reports));
            return Files.readString(file);
        }
    }
}
