package org.runbookunit.examples;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

/**
 * The browser checks of the seeds as one runbook: seed 001's "4.2 Verify Production is Live" (health, the dashboard
 * shows "Paraform Roles", the 5 production smoke tests), seed 004's "Flow 3: Dashboard &amp; Metrics" (loads within
 * 2 s, a date filter without 500 errors) and "Flow 1" login and logout, with screenshots as evidence (seed 003).
 */
// tag::runbook[]
@Runbook("air-demand dashboard validation")
class AirDemandDashboardValidation {

    @Nested
    @Phase(order = 1, value = "Production is live (seed 001, 4.2)")
    class ProductionIsLive {

        @Step(order = 1, value = "API /health returns healthy")
        void health(Http http) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
        }

        @Step(order = 2, value = "Dashboard page contains \"Paraform Roles\" (curl | grep)")
        void dashboardHtml(Http http) {
            http.get("dashboard", "/").expectStatus(200).expectBodyContains("Paraform Roles");
        }
    }

    @Nested
    @Phase(order = 2, value = "Production smoke tests (seed 001, 4.2: 5/5)")
    class SmokeTests {

        @Step(order = 1, value = "Dashboard renders the Paraform Roles table")
        void rolesTable(Dashboard dashboard) {
            dashboard.open("dashboard", "/").expectTitle("Air Demand Dashboard").expectText("Paraform Roles")
                    .expectVisible("#roles tbody tr").screenshot("paraform roles");
        }

        @Step(order = 2, value = "Roles summary shows every role the API holds")
        void summary(Dashboard dashboard, Http http) {
            int total = http.get("api", "/demand/roles?limit=1").expectStatus(200).json("total");
            dashboard.open("dashboard", "/").expectText("Showing 50 of " + total + " roles");
        }

        @Step(order = 3, value = "No console errors")
        void console(Dashboard dashboard) {
            dashboard.open("dashboard", "/").expectNoConsoleErrors();
        }

        @Step(order = 4, value = "No failed requests")
        void requests(Dashboard dashboard) {
            dashboard.open("dashboard", "/").expectNoFailedRequests();
        }

        @Step(order = 5, value = "Login page renders")
        void loginPage(Dashboard dashboard) {
            dashboard.open("dashboard", "/login").expectTitle("Air Demand Login").expectVisible("#username")
                    .expectVisible("#password");
        }
    }

    @Nested
    @Phase(order = 3, value = "Flow 3: Dashboard & metrics (seed 004)")
    class DashboardAndMetrics {

        @Step(order = 1, value = "Dashboard loads within 2 seconds")
        void loadsFast(Dashboard dashboard) {
            dashboard.open("dashboard", "/").expectLoadedWithin(Duration.ofSeconds(2)).expectText("Showing 50 of");
        }

        @Step(order = 2, value = "Filter by date range (last 7 days): metrics update, no 500 errors")
        void filter(Dashboard dashboard) {
            dashboard.open("dashboard", "/").expectText("Showing 50 of").click("#range-7").click("#apply")
                    .expectText("first seen in the last 7 days").expectNoFailedRequests().expectNoConsoleErrors()
                    .screenshot("last 7 days");
        }
    }

    @Nested
    @Phase(order = 4, value = "Flow 1: Login and logout (seed 004)")
    class LoginAndLogout {

        @Step(order = 1, value = "Login: redirected to the dashboard, signed in")
        void login(Dashboard dashboard, RunbookEnvironment environment) {
            signIn(dashboard, environment).expectTitle("Air Demand Dashboard").expectText("Signed in as operator");
        }

        @Step(order = 2, value = "Logout: redirected to the login page")
        void logout(Dashboard dashboard, RunbookEnvironment environment) {
            signIn(dashboard, environment).click("#logout").expectTitle("Air Demand Login").expectText("Signed out")
                    .expectNoFailedRequests();
        }

        private Dashboard signIn(Dashboard dashboard, RunbookEnvironment environment) {
            return dashboard.open("dashboard", "/login").fill("#username", "operator")
                    .fill("#password", environment.property("dashboard-password")).click("button[type=submit]")
                    .expectText("Signed in as operator");
        }
    }
}
// end::runbook[]
