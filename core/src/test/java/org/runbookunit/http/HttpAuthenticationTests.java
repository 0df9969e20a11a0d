package org.runbookunit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.SelfSignedHttpsServer;

class HttpAuthenticationTests {

    private final LoopbackServer server = LoopbackServer.start().json("/alerts", 200, "{\"alerts\":[]}");
    private final HttpFixture fixture = new HttpFixture();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void basicAuthIsSentAndMaskedInEvidence() throws IOException {
        fixture.http(server.uri()).withBasicAuth("admin", "s3cr3t:p@ss").get("api", "/alerts").expectStatus(200).verify();

        String sent = server.requestHeaders().get(0).get("Authorization").get(0);
        assertThat(sent).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("admin:s3cr3t:p@ss".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(fixture.evidenceFile(0))).contains("Authorization: Basic ***")
                .doesNotContain(sent.substring(6));
    }

    @Test
    void bearerTokenIsSentAndMaskedInEvidence() throws IOException {
        fixture.http(server.uri()).withBearerToken("tok-123").get("api", "/alerts").expectStatus(200).verify();

        assertThat(server.requestHeaders().get(0).get("Authorization")).containsExactly("Bearer tok-123");
        assertThat(Files.readString(fixture.evidenceFile(0))).contains("Authorization: Bearer ***")
                .doesNotContain("tok-123");
    }

    @Test
    void selfSignedCertificateIsRefusedUnlessTlsIsRelaxed() throws IOException, GeneralSecurityException,
            InterruptedException {
        try (SelfSignedHttpsServer https = SelfSignedHttpsServer.start(Path.of("target", "tls"))) {
            Http http = fixture.http(https.uri());

            assertThatThrownBy(() -> http.get("api", "/health")).isInstanceOf(HttpExpectationError.class)
                    .hasMessageContaining("GET api /health: no response after").hasMessageContaining("certificate not trusted")
                    .hasMessageContaining("set `ignore-https-errors: true` for environment [test] or call `withRelaxedTls()`");
            assertThatCode(() -> http.withRelaxedTls().get("api", "/health").expectStatus(200)
                    .expectJson("status", "healthy").verify()).doesNotThrowAnyException();
        }
    }
}
