package org.runbookunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.dashboard.DashboardPages;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.testing.LoopbackServer;
import org.runbookunit.testing.TestBrowser;

/** Dashboard steps through the real JUnit engine and a real headless Chromium, pages on 127.0.0.1. */
class DashboardRunbookTests {

    private static final List<Set<Long>> BROWSERS_SEEN = new CopyOnWriteArrayList<>();

    @Test
    void aFailedDashboardStepHasItsScreenshotAndTraceInReportJsonAndReportHtml() throws IOException {
        TestBrowser.shared();
        try (LoopbackServer pages = DashboardPages.start(Duration.ZERO)) {
            RunbookKit kit = kit(pages);

            EngineExecutionResults results = kit.run(SmokeFixture.class);

            results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
            results.testEvents().assertThatEvents().haveExactly(1, event(test("metrics"), finishedWithFailure(message(text ->
                    text.startsWith("page web /xhr500 → 200: requests: expected none to fail but 1 did:")))));
            JsonNode steps = kit.reportJson("dashboard-smoke").get("steps");
            assertThat(steps.get(0).get("evidence").findValuesAsText("path"))
                    .containsExactly("evidence/1-01-roles-table.png", "evidence/1-02-page-web-roles.json");
            List<String> failed = steps.get(1).get("evidence").findValuesAsText("path");
            assertThat(failed).containsExactly("evidence/2-01-screenshot-at-failure.png",
                    "evidence/2-02-page-web-xhr500.json", "evidence/2-03-playwright-trace-at-failure.zip");
            Path report = kit.reportDir("dashboard-smoke");
            assertThat(failed).allSatisfy(path -> assertThat(report.resolve(path)).isNotEmptyFile());
            String html = Files.readString(report.resolve("report.html"));
            assertThat(html).contains("<a href=\"evidence/2-03-playwright-trace-at-failure.zip\">",
                    "<a href=\"evidence/2-01-screenshot-at-failure.png\">screenshot at failure</a>")
                    .containsPattern("<img class=\"shot\" alt=\"screenshot at failure\" src=\"data:image/png;base64,[A-Za-z0-9+/=]{200,}\">");
            assertThat(Files.readString(report.resolve("manifest.sha256")))
                    .contains("  report.html\n", "  evidence/2-03-playwright-trace-at-failure.zip\n");
        }
    }

    @Test
    void oneBrowserServesEveryRunbookOfTheRunAndIsClosedAfterIt() {
        TestBrowser.shared();
        BROWSERS_SEEN.clear();
        Set<Long> before = browserProcesses();
        try (LoopbackServer pages = DashboardPages.start(Duration.ZERO)) {
            EngineExecutionResults results = kit(pages).run(FirstFixture.class, SecondFixture.class);

            results.testEvents().assertStatistics(stats -> stats.succeeded(3));
        }
        Set<Long> started = BROWSERS_SEEN.stream().flatMap(Set::stream).filter(pid -> !before.contains(pid))
                .collect(Collectors.toSet());
        assertThat(started).as("browsers launched for the three steps").hasSize(1);
        assertThat(BROWSERS_SEEN).hasSize(3);
        assertThat(ProcessHandle.of(started.iterator().next()).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void theHtmlReportLoadsNothingInARealBrowser() throws IOException {
        RunbookKit kit;
        try (LoopbackServer pages = DashboardPages.start(Duration.ZERO)) {
            kit = kit(pages);
            kit.run(SmokeFixture.class);
        }
        byte[] html = Files.readAllBytes(kit.reportDir("dashboard-smoke").resolve("report.html"));
        try (LoopbackServer server = LoopbackServer.start().route("/report.html",
                exchange -> LoopbackServer.respond(exchange, 200, "text/html; charset=utf-8", html));
                Dashboard dashboard = new Dashboard(new RunbookEnvironment("local", Map.of("reports", server.uri())),
                        TestBrowser.shared(), new Evidence(kit.reportDir("report-view"), "1"))) {
            dashboard.open("reports", "/report.html").expectTitle("Runbook: dashboard smoke — NO-GO")
                    .expectText("screenshot at failure").expectVisible("img.shot").expectNoConsoleErrors()
                    .expectNoFailedRequests().verify();

            assertThat(server.requests()).filteredOn(request -> !request.contains("favicon"))
                    .containsExactly("GET /report.html");
        }
    }

    @Test
    void aBrowserThatCannotBeFoundFailsTheStepSayingHowToFixIt() {
        RunbookKit kit = RunbookKit.withApi(java.net.URI.create("http://127.0.0.1:" + DashboardPages.closedPort()))
                .parameter("runbook.browser.executable", "/nonexistent/chrome");

        EngineExecutionResults results = kit.run(UnreachableFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("page"), finishedWithFailure(message(
                "runbook.browser.executable must name an executable Chrome or Chromium but was [/nonexistent/chrome]: "
                        + "no such file. Fix the path, or unset it to use /usr/bin/chromium-headless-shell (apt-get "
                        + "install chromium-headless-shell)"))));
        assertThat(kit.reportJson("unreachable").get("steps").get(0).get("outcome").asText()).isEqualTo("FAILED");
    }

    private static RunbookKit kit(LoopbackServer pages) {
        return RunbookKit.create().withConfig("environments:\n  local:\n    endpoints: { web: \"" + pages.uri() + "\" }\n");
    }

    /**
     * Return the browsers Playwright launched under this JVM: each one's first process with the launch arguments (a
     * launcher script that does not exec, as Debian's chromium-headless-shell, is its browser's parent), not renderers.
     */
    static Set<Long> browserProcesses() {
        Set<Long> launched = ProcessHandle.current().descendants().filter(process -> process.info().arguments()
                .map(arguments -> List.of(arguments).contains("--remote-debugging-pipe")).orElse(false))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
        return launched.stream().filter(pid -> ProcessHandle.of(pid).flatMap(ProcessHandle::parent)
                .map(parent -> !launched.contains(parent.pid())).orElse(true)).collect(Collectors.toSet());
    }

    @Runbook("dashboard smoke")
    static class SmokeFixture {
        @Step(order = 1, value = "Dashboard renders the roles table")
        void roles(Dashboard dashboard) {
            dashboard.open("web", "/roles").expectText("Paraform Roles").expectVisible("#roles tbody tr")
                    .expectNoConsoleErrors().screenshot("roles table");
        }

        @Step(order = 2, value = "Metrics load without 500s")
        void metrics(Dashboard dashboard) {
            dashboard.open("web", "/xhr500").expectText("status 500").expectNoFailedRequests();
        }
    }

    @Runbook("first")
    static class FirstFixture {
        @Step(order = 1, value = "Roles")
        void roles(Dashboard dashboard) {
            dashboard.open("web", "/roles").expectText("Paraform Roles").verify();
            BROWSERS_SEEN.add(browserProcesses());
        }

        @Step(order = 2, value = "Login page")
        void login(Dashboard dashboard) {
            dashboard.open("web", "/login").expectVisible("#password").verify();
            BROWSERS_SEEN.add(browserProcesses());
        }
    }

    @Runbook("second")
    static class SecondFixture {
        @Step(order = 1, value = "Roles again")
        void roles(Dashboard dashboard) {
            dashboard.open("web", "/roles").expectText("Data Scientist").verify();
            BROWSERS_SEEN.add(browserProcesses());
        }
    }

    @Runbook("unreachable")
    static class UnreachableFixture {
        @Step(order = 1, value = "Page")
        void page(Dashboard dashboard) {
            dashboard.open("api", "/");
        }
    }
}
