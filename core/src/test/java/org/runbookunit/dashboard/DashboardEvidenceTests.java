package org.runbookunit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.EvidenceItem;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.SelfSignedHttpsServer;
import org.runbookunit.testing.TestBrowser;
import org.runbookunit.testing.TestEnvironments;

/** Screenshots, traces, basic authentication, secrets and certificates, in a real headless Chromium. */
class DashboardEvidenceTests {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    private final Path reportDir = Path.of("target", "dashboard-tests", UUID.randomUUID().toString()).toAbsolutePath();
    private final Evidence evidence = new Evidence(reportDir, "1");

    @Test
    void aScreenshotIsAPngInTheEvidence() throws IOException {
        try (LoopbackServer pages = DashboardPages.start(Duration.ZERO);
                Dashboard dashboard = dashboard(new RunbookEnvironment("local", Map.of("web", pages.uri())))) {
            dashboard.open("web", "/roles").expectText("Data Scientist").screenshot("roles table");
        }

        assertThat(evidence.items()).extracting(EvidenceItem::path)
                .containsExactly("evidence/1-01-roles-table.png", "evidence/1-02-page-web-roles.json");
        assertThat(evidence.items().get(0).description()).isEqualTo("screenshot roles table");
        assertThat(evidence.items().get(1).description())
                .matches("page web /roles → 200 \\((loaded in \\d+ ms, )?0 console errors, 0 failed requests\\)");
        assertThat(Files.readAllBytes(reportDir.resolve("evidence/1-01-roles-table.png"))).startsWith(PNG_MAGIC);
    }

    @Test
    void aFailedStepKeepsAScreenshotAndAPlaywrightTrace() throws IOException {
        try (LoopbackServer pages = DashboardPages.start(Duration.ZERO)) {
            Dashboard dashboard = dashboard(new RunbookEnvironment("local", Map.of("web", pages.uri())));
            dashboard.timeout(Duration.ofMillis(500)).open("web", "/roles").expectText("Grafana");
            assertThatThrownBy(dashboard::verify).isInstanceOf(DashboardExpectationError.class);

            dashboard.closeAfterFailure();
        }

        assertThat(evidence.items()).extracting(EvidenceItem::description).containsExactly("screenshot at failure",
                "page web /roles → 200 (loaded in " + loadMs() + " ms, 0 console errors, 0 failed requests)",
                "Playwright trace at failure (open with: npx playwright show-trace <file>)");
        assertThat(Files.readAllBytes(reportDir.resolve("evidence/1-01-screenshot-at-failure.png"))).startsWith(PNG_MAGIC);
        assertThat(entries(reportDir.resolve("evidence/1-03-playwright-trace-at-failure.zip")))
                .anyMatch(entry -> entry.endsWith(".trace")).anyMatch(entry -> entry.endsWith(".network"));
    }

    @Test
    void aSecretTypedIntoTheLoginFormIsRedactedInsideTheTrace() throws IOException {
        try (LoopbackServer pages = DashboardPages.start(Duration.ZERO)) {
            RunbookEnvironment environment = TestEnvironments.local(reportDir, "environments:\n  local:\n"
                    + "    endpoints: { web: \"" + pages.uri() + "\" }\n"
                    + "    properties: { login-password: \"${LOGIN_PASSWORD}\" }\n",
                    Map.of("LOGIN_PASSWORD", DashboardPages.LOGIN_PASSWORD));
            Dashboard dashboard = dashboard(environment);
            dashboard.open("web", "/login").fill("#username", "operator")
                    .fill("#password", environment.property("login-password")).click("button[type=submit]")
                    .expectText("Signed in as operator").verify();

            dashboard.closeAfterFailure();
        }

        Path trace = reportDir.resolve("evidence/1-03-playwright-trace-at-failure.zip");
        List<String> texts = textEntries(trace);
        assertThat(texts).noneMatch(text -> text.contains(DashboardPages.LOGIN_PASSWORD))
                .anyMatch(text -> text.contains("\"value\":\"***\""));
        assertThat(Files.readString(reportDir.resolve("evidence/1-02-page-web-login.json")))
                .doesNotContain(DashboardPages.LOGIN_PASSWORD);
    }

    @Test
    void anEndpointWithCredentialsGetsBasicAuthenticationOnItsOriginOnly() throws IOException {
        try (LoopbackServer grafana = DashboardPages.start(Duration.ZERO);
                LoopbackServer other = DashboardPages.start(Duration.ZERO)) {
            String base = grafana.uri().toString().replace("http://", "http://" + DashboardPages.BASIC_USER + ":${GRAFANA_PASSWORD}@");
            RunbookEnvironment environment = TestEnvironments.local(reportDir, "environments:\n  local:\n"
                    + "    endpoints: { grafana: \"" + base + "\", web: \"" + other.uri() + "\" }\n",
                    Map.of("GRAFANA_PASSWORD", DashboardPages.BASIC_PASSWORD));
            try (Dashboard dashboard = dashboard(environment)) {
                dashboard.open("grafana", "/private").expectText("API Performance").expectNoFailedRequests()
                        .open("web", "/roles").expectText("Paraform Roles").verify();
            }

            assertThat(grafana.requestHeaders().get(0)).containsKey("Authorization");
            assertThat(other.requestHeaders()).allSatisfy(headers -> assertThat(headers).doesNotContainKey("Authorization"));
        }
        assertThat(Files.readString(reportDir.resolve("evidence/1-01-page-grafana-private.json")))
                .doesNotContain(DashboardPages.BASIC_PASSWORD).contains("\"url\" : \"http://127.0.0.1:");
    }

    @Test
    void aSelfSignedCertificateFailsUnlessTheEnvironmentIgnoresHttpsErrors() throws Exception {
        try (SelfSignedHttpsServer https = SelfSignedHttpsServer.start(Files.createDirectories(reportDir.resolve("tls")))) {
            String endpoint = "    endpoints: { web: \"" + https.uri() + "\" }\n";
            RunbookEnvironment strict = TestEnvironments.local(reportDir.resolve("strict"),
                    "environments:\n  local:\n" + endpoint, Map.of());
            RunbookEnvironment relaxed = TestEnvironments.local(reportDir.resolve("relaxed"),
                    "environments:\n  local:\n    ignore-https-errors: true\n" + endpoint, Map.of());

            try (Dashboard dashboard = dashboard(strict)) {
                assertThatThrownBy(() -> dashboard.open("web", "/health")).hasMessageContaining("net::ERR_CERT_");
            }
            try (Dashboard dashboard = dashboard(relaxed)) {
                dashboard.open("web", "/health").expectText("healthy").verify();
            }
        }
    }

    private Dashboard dashboard(RunbookEnvironment environment) {
        return new Dashboard(environment, TestBrowser.shared(), evidence);
    }

    private String loadMs() throws IOException {
        Path record = Files.list(reportDir.resolve("evidence")).filter(file -> file.toString().endsWith(".json"))
                .findFirst().orElseThrow();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.toFile()).get("loadMs").asText();
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static List<String> textEntries(Path zip) throws IOException {
        List<String> texts = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return texts;
    }
}
