package org.runbookunit.examples;

import java.nio.file.Path;
import java.time.Duration;
import org.runbookunit.examples.hosts.JobSearchHostStack;
import org.runbookunit.junit.Rehearsal;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.suites.Suites;

/**
 * Seed 002, step 10 "Smoke Tests": {@code pytest tests/test_smoke.py -v} on the production host {@code jobsearch}, in
 * the deployed {@code jobsearchai/}, over the run's SSH session: the system's own smoke tests (its schema, its job
 * matches, the dashboard's routes), every one passing, their JUnit XML read back from the host.
 */
// tag::runbook[]
@Runbook("jobsearchai smoke tests")
@Rehearsal(JobSearchHostStack.class)
class JobSearchSmokeSuite {

    @Step(order = 1, value = "pytest tests/test_smoke.py passes on the host")
    void smokeTests(Suites suites) {
        suites.command("smoke", "python3", "-m", "pytest", "-v", "-p", "no:cacheprovider", "tests/test_smoke.py",
                        "--junitxml=logs/smoke-tests.xml")
                .onHost("jobsearch").in(Path.of("jobsearchai")).endpoint("DASHBOARD_URL", "dashboard")
                .junitXml(Path.of("logs/smoke-tests.xml")).timeout(Duration.ofMinutes(5)).run();
    }
}
// end::runbook[]
