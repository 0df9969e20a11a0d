package org.runbookunit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.LoopbackServer;

/** Run page checks through the jar with Playwright's jars on --class-path and Debian's Chromium. */
class PageJarTests {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("RUNBOOK_BROWSER_EXECUTABLE",
            "/usr/bin/chromium"));

    @Test
    void aPageCheckReadsTitleTextAndConsoleErrorsWithPlaywrightOnTheClassPath() {
        requireBrowser();
        String playwright = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("/com/microsoft/playwright/") || entry.contains("/com/google/code/gson/"))
                .collect(Collectors.joining(File.pathSeparator));
        try (LoopbackServer server = LoopbackServer.start().route("/", exchange -> LoopbackServer.respond(exchange, 200,
                "text/html", "<html><head><title>Air demand</title></head><body><h1>Paraform Roles</h1></body></html>"
                        .getBytes(StandardCharsets.UTF_8)))
                .route("/broken", exchange -> LoopbackServer.respond(exchange, 200, "text/html",
                        "<html><head><title>Broken</title><script>console.error('boom')</script></head><body>x</body></html>"
                                .getBytes(StandardCharsets.UTF_8)))) {
            SmokeJar jar = SuiteJarTests.jarFor("page", server, """
                    suite: dashboard smoke
                    steps:
                      - title: Dashboard renders
                        checks:
                          - page: { endpoint: api, path: /, title: Air demand, text: Paraform Roles, no-console-errors: true }
                      - title: Broken page has no console errors
                        severity: MAJOR
                        checks:
                          - page: { endpoint: api, path: /broken, no-console-errors: true }
                    """);

            SmokeJar.Result result = jar.run("run", "--env", "staging", "--suite", "smoke.yaml", "--class-path", playwright,
                    "-Drunbook.browser.executable=" + CHROMIUM);
            SmokeJar.Result withoutPlaywright = jar.run("run", "--env", "staging", "--suite", "smoke.yaml");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("✔ 1 Dashboard renders", "⚠ 2 Broken page has no console errors", "boom",
                    "Verdict: GO");
            assertThat(withoutPlaywright.exitCode()).isEqualTo(1);
            assertThat(withoutPlaywright.stdout()).contains("page checks drive a browser through Playwright");
        }
    }

    private static void requireBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = "no browser for page checks at " + CHROMIUM + " (apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; CI=true, so browser tests must not be skipped");
            }
            Assumptions.abort(reason);
        }
    }
}
