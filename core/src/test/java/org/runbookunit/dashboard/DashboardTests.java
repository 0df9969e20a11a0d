package org.runbookunit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.TestBrowser;

/** A real headless Chromium against pages served on 127.0.0.1. */
class DashboardTests {

    private static final Duration SHORT = Duration.ofMillis(1500);

    private final Path reportDir = Path.of("target", "dashboard-tests", UUID.randomUUID().toString()).toAbsolutePath();
    private LoopbackServer pages;
    private Dashboard dashboard;

    @BeforeEach
    void open() {
        pages = DashboardPages.start(Duration.ofMillis(1200));
        dashboard = new Dashboard(new RunbookEnvironment("local", Map.of("web", pages.uri())), TestBrowser.shared(),
                new Evidence(reportDir, "1")).timeout(SHORT);
    }

    @AfterEach
    void close() {
        dashboard.close();
        pages.close();
    }

    @Test
    void textRenderedByTheXhrIsFoundAndTheFaviconIsIgnored() {
        dashboard.open("web", "/roles").expectTitle("Air Demand").expectText("Paraform Roles").expectText("Data Scientist")
                .expectVisible("#roles tbody tr").expectNoConsoleErrors().expectNoFailedRequests().verify();

        assertThat(pages.requests()).contains("GET /roles", "GET /api/roles");
    }

    @Test
    void textNotOnThePageFailsWithTheTextTheTimeoutAndWhatThePageShows() {
        dashboard.open("web", "/roles").expectText("Grafana Dashboards");

        assertThatThrownBy(dashboard::verify).isInstanceOf(DashboardExpectationError.class)
                .hasMessageStartingWith("page web /roles → 200: text: expected the page to show [\"Grafana Dashboards\"] "
                        + "within 1500 ms but it did not")
                .hasMessageContaining("url: " + pages.uri() + "/roles")
                .hasMessageContaining("title: \"Air Demand\"")
                .hasMessageContaining("Paraform Roles");
    }

    @Test
    void aConsoleErrorAndAnUncaughtExceptionAreCaught() {
        dashboard.open("web", "/broken").expectNoConsoleErrors();

        assertThatThrownBy(dashboard::verify).hasMessageContaining("console: expected no errors but saw 2:")
                .hasMessageContaining("chart failed to render").hasMessageContaining("uncaught Error: kaput");
    }

    @Test
    void aFailedXhrIsCaughtWithItsStatus() {
        dashboard.open("web", "/xhr500").expectText("status 500").expectNoFailedRequests();

        assertThatThrownBy(dashboard::verify).hasMessageStartingWith("page web /xhr500 → 200: requests: expected none to "
                + "fail but 1 did:\n    GET " + pages.uri() + "/api/fail → 500");
    }

    @Test
    void aRefusedConnectionIsAFailedRequest() {
        dashboard.open("web", "/refused").expectNoFailedRequests();

        assertThatThrownBy(dashboard::verify).hasMessageContaining("/closed failed: net::ERR_CONNECTION_REFUSED");
    }

    @Test
    void aHostOutsideTheEnvironmentIsBlockedAndReported() {
        dashboard.open("web", "/outside").expectNoFailedRequests();

        assertThatThrownBy(dashboard::verify).hasMessageContaining("GET http://example.invalid/beacon failed: blocked: "
                + "[example.invalid] is not a host of the environment's endpoints; if the page may reach it, call "
                + "dashboard.allowHost(\"example.invalid\")");
    }

    @Test
    void aSlowXhrFailsATightLoadBudgetAndPassesALooseOne() {
        dashboard.open("web", "/slow").expectLoadedWithin(Duration.ofMillis(400));

        assertThatThrownBy(dashboard::verify).hasMessageContaining("load: expected within [400 ms] but the page was still "
                + "loading then; in flight: GET " + pages.uri() + "/api/slow");

        dashboard.timeout(Duration.ofSeconds(5)).open("web", "/slow").expectLoadedWithin(Duration.ofSeconds(5))
                .expectText("metrics loaded").verify();
    }

    @Test
    void theMeasuredLoadTimeCoversTheXhrAndIsRecordedAsEvidence() throws Exception {
        dashboard.open("web", "/slow").expectLoadedWithin(Duration.ofSeconds(5)).verify();
        dashboard.close();

        String record = java.nio.file.Files.readString(reportDir.resolve("evidence/1-01-page-web-slow.json"));
        long loadMs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(record).get("loadMs").asLong();
        assertThat(loadMs).isBetween(1200L, 5000L);
    }

    @Test
    void everyFailedExpectationOfAPageIsReportedTogether() {
        dashboard.open("web", "/broken").expectTitle("Air Demand").expectVisible("#roles").expectNoConsoleErrors();

        assertThatThrownBy(dashboard::verify).hasMessageStartingWith("page web /broken → 200: 3 expectations failed")
                .hasMessageContaining("- title: expected [\"Air Demand\"] within 1500 ms but was [\"Broken\"]")
                .hasMessageContaining("- visible: expected an element matching [#roles] within 1500 ms but 0 matched");
    }

    @Test
    void aPendingFailureIsThrownBeforeTheNextAction() {
        dashboard.open("web", "/roles").expectText("Nowhere");

        assertThatThrownBy(() -> dashboard.click("h1")).hasMessageContaining("[\"Nowhere\"]");
    }

    @Test
    void anUnreachablePageFailsAtOnce() {
        Dashboard closed = new Dashboard(new RunbookEnvironment("local", Map.of("web",
                URI.create("http://127.0.0.1:" + DashboardPages.closedPort()))), TestBrowser.shared(),
                new Evidence(reportDir, "2"));
        try {
            assertThatThrownBy(() -> closed.open("web", "/")).isInstanceOf(DashboardExpectationError.class)
                    .hasMessageStartingWith("page web /: did not load within 10000 ms: net::ERR_CONNECTION_REFUSED");
        } finally {
            closed.close();
        }
    }

    @Test
    void aClickOnAMissingElementFailsAtOnceNamingTheSelector() {
        dashboard.open("web", "/login");

        assertThatThrownBy(() -> dashboard.click("#no-such-button")).isInstanceOf(DashboardExpectationError.class)
                .hasMessageStartingWith("page web /login → 200: click [#no-such-button]: Timeout 1500ms exceeded.");
    }

    @Test
    void checksBeforeOpenSayWhatToDo() {
        assertThatThrownBy(() -> dashboard.expectText("x")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Dashboard.expectText(…) needs an open page: call open(endpoint, path) first");
    }
}
