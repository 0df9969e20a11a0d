package org.runbookunit.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.TestBrowser;

/**
 * Check {@link Grafana} against a loopback server that replays Grafana's documented responses (HTTP API reference:
 * "Health API" {@code GET /api/health} and "Dashboard API" {@code GET /api/dashboards/uid/:uid}, 200 and 404 bodies):
 * Grafana itself cannot be installed on these build machines, so this is the one facade here not tested against the
 * real server. The screenshot test drives a real headless Chromium through {@link Dashboard}.
 */
class GrafanaTests {

    static final String HEALTH = "{\"commit\":\"ff85ec33c5\",\"database\":\"ok\",\"version\":\"10.1.5\"}";
    static final String DASHBOARD = "{\"dashboard\":{\"id\":1,\"uid\":\"api-performance\",\"title\":\"API Performance\","
            + "\"tags\":[\"api\"],\"timezone\":\"browser\",\"schemaVersion\":38,\"version\":3},\"meta\":{\"isStarred\":false,"
            + "\"url\":\"/d/api-performance/api-performance\",\"folderId\":0,\"folderUid\":\"\",\"slug\":\"api-performance\"}}";

    final Path reports = Path.of("target", "grafana-tests", UUID.randomUUID().toString());
    final Evidence evidence = new Evidence(reports, "g");
    final LoopbackServer grafana = LoopbackServer.start().json("/api/health", 200, HEALTH)
            .json("/api/dashboards/uid/api-performance", 200, DASHBOARD)
            .json("/api/dashboards/uid/", 404, "{\"message\":\"Dashboard not found\"}")
            .route("/d/api-performance", exchange -> LoopbackServer.respond(exchange, 200, "text/html",
                    "<html><head><title>API Performance - Grafana</title></head><body><h1>API Performance</h1></body></html>"
                            .getBytes(StandardCharsets.UTF_8)));

    @AfterEach
    void stop() {
        grafana.close();
    }

    Grafana grafana(String endpoint) {
        RunbookEnvironment environment = new RunbookEnvironment("local", Map.of("grafana",
                java.net.URI.create(endpoint)));
        return new Grafana(new Http(environment, Duration.ofSeconds(5), evidence), evidence);
    }

    Grafana grafana() {
        return grafana("http://admin:staging_admin_pass@127.0.0.1:" + grafana.uri().getPort());
    }

    @Test
    void healthSaysDatabaseOkAndTheVersion() throws Exception {
        assertThat(grafana().expectHealthy("10.1")).isEqualTo("10.1.5");
        assertThat(grafana.requestHeaders().get(0).get("Authorization")).containsExactly("Basic "
                + Base64.getEncoder().encodeToString("admin:staging_admin_pass".getBytes(StandardCharsets.UTF_8)));
        assertThat(evidence.items()).anySatisfy(item -> assertThat(item.description())
                .isEqualTo("Grafana [grafana] health: database ok, version 10.1.5"));
        assertThatThrownBy(() -> grafana().expectHealthy("11.")).isInstanceOf(GrafanaExpectationError.class)
                .hasMessageContaining("version: expected [11.…] but was [10.1.5]");
    }

    @Test
    void aFailingDatabaseIsNamed() {
        try (LoopbackServer failing = LoopbackServer.start().json("/api/health", 200,
                "{\"commit\":\"ff85ec33c5\",\"database\":\"failing\",\"version\":\"10.1.5\"}")) {
            assertThatThrownBy(() -> grafana(failing.uri().toString()).expectHealthy())
                    .isInstanceOf(GrafanaExpectationError.class)
                    .hasMessageContaining("expected database [ok] but was [failing]");
        }
    }

    @Test
    void aDashboardByUidHasItsTitleOrIsNamedAsMissing() {
        grafana().expectDashboard("api-performance", "API Performance");
        assertThatThrownBy(() -> grafana().expectDashboard("api-performance", "Discovery Pipeline"))
                .hasMessageContaining("expected title [Discovery Pipeline] but was [API Performance]");
        assertThatThrownBy(() -> grafana().expectDashboard("discovery-pipeline", "Discovery Pipeline"))
                .isInstanceOf(GrafanaExpectationError.class)
                .hasMessageContaining("did not answer /api/dashboards/uid/discovery-pipeline")
                .hasMessageContaining("[404]");
    }

    @Test
    void aDashboardScreenshotIsEvidence() throws Exception {
        RunbookEnvironment environment = new RunbookEnvironment("local", Map.of("grafana", grafana.uri()));
        try (Dashboard dashboard = new Dashboard(environment, TestBrowser.shared(), evidence)) {
            new Grafana(new Http(environment, Duration.ofSeconds(5), evidence), evidence)
                    .screenshot(dashboard, "api-performance");
        }
        List<String> paths = evidence.items().stream().map(item -> item.path()).toList();
        assertThat(paths).anySatisfy(path -> assertThat(path).endsWith("grafana-dashboard-api-performance.png"));
        String png = paths.stream().filter(path -> path.endsWith(".png")).findFirst().orElseThrow();
        assertThat(Files.readAllBytes(reports.resolve(png))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
