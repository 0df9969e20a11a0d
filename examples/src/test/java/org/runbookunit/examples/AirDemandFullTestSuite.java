package org.runbookunit.examples;

import java.nio.file.Path;
import java.time.Duration;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.suites.Suites;

/**
 * Seed 001, 1.2 and 6.2 "Run Full Test Suite": {@code BASE_URL=<dashboard> npm test} in the dashboard's Playwright
 * project, "Expected: 40/48 tests passing (83%+)". The project folder is the environment's {@code dashboard-e2e}
 * property; its failed cases are listed in the report.
 */
// tag::runbook[]
@Runbook("air-demand full test suite")
class AirDemandFullTestSuite {

    @Step(order = 1, value = "Full test suite: 40/48 passing (83 %+)")
    void fullSuite(Suites suites, RunbookEnvironment environment) {
        suites.command("dashboard e2e", "npm", "test").in(Path.of(environment.property("dashboard-e2e")))
                .endpoint("BASE_URL", "dashboard").environment("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
                .junitXml(Path.of("results/junit.xml")).timeout(Duration.ofMinutes(10))
                .expectPassRate(0.83).expectPassed(40).run();
    }
}
// end::runbook[]
