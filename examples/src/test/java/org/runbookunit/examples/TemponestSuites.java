package org.runbookunit.examples;

import java.nio.file.Path;
import java.time.Duration;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.suites.Suite;
import org.runbookunit.suites.Suites;

/**
 * Run temponest's own test suites (seed 004, section 7) with {@link Suites}: pytest in the checkout named by the
 * environment's {@code temponest-home}, against the {@code web-ui}, {@code agents} and {@code auth} endpoints, each
 * writing JUnit XML under {@code test-results/}; every case must pass (the seed expects 100 %), failed cases are listed.
 */
final class TemponestSuites {

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private TemponestSuites() {
    }

    /** Run {@code ./scripts/deploy/smoke-tests.sh}: services healthy, the checked-out release deployed, a first session. */
    static void smoke(Suites suites, RunbookEnvironment environment) {
        suite(suites, environment, "smoke", "./scripts/deploy/smoke-tests.sh")
                .environment("JUNIT_XML", "test-results/smoke.xml").run();
    }

    /** Run the web-ui, agents and auth integration suites, each at 100 %. */
    static void integration(Suites suites, RunbookEnvironment environment) {
        pytest(suites, environment, "web-ui integration", "web-ui/tests/integration/");
        pytest(suites, environment, "agents integration", "services/agents/tests/integration/");
        pytest(suites, environment, "auth integration", "services/auth/tests/integration/");
    }

    /** Run the web UI's end-to-end suite. */
    static void endToEnd(Suites suites, RunbookEnvironment environment) {
        pytest(suites, environment, "e2e", "web-ui/tests/e2e/");
    }

    /** Run the full suites again (day 2): everything under web-ui/tests, services/agents/tests and services/auth/tests. */
    static void full(Suites suites, RunbookEnvironment environment) {
        pytest(suites, environment, "web-ui full", "web-ui/tests/");
        pytest(suites, environment, "agents full", "services/agents/tests/");
        pytest(suites, environment, "auth full", "services/auth/tests/");
    }

    private static void pytest(Suites suites, RunbookEnvironment environment, String name, String folder) {
        suite(suites, environment, name, "python3", "-m", "pytest", folder, "-v", "--tb=short", "--junitxml",
                report(name).toString()).run();
    }

    private static Suite suite(Suites suites, RunbookEnvironment environment, String name, String... command) {
        return suites.command(name, command).in(Path.of(environment.property("temponest-home")))
                .endpoint("WEB_UI_URL", "web-ui").endpoint("AGENTS_URL", "agents").endpoint("AUTH_URL", "auth")
                .environment("PYTHONDONTWRITEBYTECODE", "1").junitXml(report(name)).timeout(DEADLINE);
    }

    private static Path report(String name) {
        return Path.of("test-results", name.replace(' ', '-') + ".xml");
    }
}
