package org.runbookunit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.dashboard.DashboardPages;
import org.runbookunit.dashboard.SharedBrowser;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.testing.LoopbackServer;

/**
 * Time dashboard steps: the first one (Playwright driver and Chromium start included) and the later ones (a fresh
 * context each), then the same checks written with {@code @playwright/test} run by its own runner against the same
 * loopback page. Run it with {@code bench/dashboard.sh}; only 127.0.0.1 is contacted.
 *
 * <p>Both sides run the same browser: {@code bench.browser}, else the first of {@code /usr/bin/chromium-headless-shell}
 * and {@code /usr/bin/chromium} that is installed.
 *
 * <p>System properties: {@code bench.steps} (default 21), {@code bench.dir}, {@code bench.npm} (the npm project; the
 * comparison is skipped when it has no {@code node_modules}), {@code bench.jvm.launch.ms} (epoch ms the script
 * launched the JVM, to report JVM start-up).
 */
public final class DashboardBenchmark {

    private static final String HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

    private final int steps = Integer.getInteger("bench.steps", 21);
    private final Path dir = Path.of(System.getProperty("bench.dir", "core/target/bench")).toAbsolutePath();
    private final Path npm = Path.of(System.getProperty("bench.npm", "bench/dashboard-playwright")).toAbsolutePath();
    private final String browser = System.getProperty("bench.browser", Files.isExecutable(Path.of(HEADLESS_SHELL))
            ? HEADLESS_SHELL : "/usr/bin/chromium");

    private DashboardBenchmark() {
    }

    /** Run both sides and print the figures. */
    public static void main(String[] args) throws Exception {
        long mainEntered = System.currentTimeMillis();
        new DashboardBenchmark().run(mainEntered);
    }

    private void run(long mainEntered) throws Exception {
        try (LoopbackServer pages = DashboardPages.start(Duration.ZERO)) {
            List<Double> runbookunit = runbookUnitSteps(pages);
            long javaDone = System.currentTimeMillis();
            long shellStart = Long.getLong("bench.jvm.launch.ms", mainEntered);
            System.out.printf(Locale.ROOT, "RunbookUnit Dashboard, %d steps against %s/roles, both sides on %s%n",
                    steps, pages.uri(), browser);
            System.out.printf(Locale.ROOT, "  JVM start to main:                 %6d ms%n", mainEntered - shellStart);
            System.out.printf(Locale.ROOT, "  first step (driver + browser start): %6.0f ms%n", runbookunit.get(0));
            printLater(runbookunit);
            System.out.printf(Locale.ROOT, "  wall time, JVM start to last step: %6d ms%n", javaDone - shellStart);
            comparePlaywrightTest(pages);
        }
    }

    private List<Double> runbookUnitSteps(LoopbackServer pages) {
        RunbookEnvironment environment = new RunbookEnvironment("bench", Map.of("web", pages.uri()));
        List<Double> millis = new ArrayList<>();
        long start = System.nanoTime();
        RunbookSettings settings = new RunbookSettings(ConfigSource.of(Map.of("runbook.browser.executable", browser)));
        try (SharedBrowser shared = new SharedBrowser(settings)) {
            for (int step = 1; step <= steps; step++) {
                long stepStart = System.nanoTime();
                Evidence evidence = new Evidence(dir.resolve("dashboard"), "s" + step);
                try (Dashboard dashboard = new Dashboard(environment, shared, evidence)) {
                    dashboard.open("web", "/roles").expectTitle("Air Demand").expectText("Paraform Roles")
                            .expectVisible("#roles tbody tr").expectLoadedWithin(Duration.ofSeconds(2))
                            .expectNoConsoleErrors().expectNoFailedRequests().verify();
                }
                millis.add((System.nanoTime() - (step == 1 ? start : stepStart)) / 1e6);
            }
        }
        return millis;
    }

    private void comparePlaywrightTest(LoopbackServer pages) throws IOException, InterruptedException {
        if (!Files.isDirectory(npm.resolve("node_modules/@playwright/test"))) {
            System.out.println("@playwright/test: not installed in " + npm + " (bench/dashboard.sh installs it); skipped");
            return;
        }
        Path json = dir.resolve("playwright-test.json");
        ProcessBuilder runner = new ProcessBuilder("npx", "playwright", "test").directory(npm.toFile()).inheritIO();
        runner.environment().putAll(Map.of("BASE_URL", pages.uri().toString(), "BENCH_STEPS", Integer.toString(steps),
                "BENCH_JSON", json.toString(), "BENCH_OUTPUT", dir.resolve("playwright-test-results").toString(),
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "BROWSER", browser));
        runner.redirectOutput(dir.resolve("playwright-test.log").toFile());
        long start = System.nanoTime();
        Process process = runner.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("npx playwright test did not finish within 10 minutes");
        }
        double wall = (System.nanoTime() - start) / 1e6;
        List<Double> durations = testDurations(json);
        System.out.printf(Locale.ROOT, "@playwright/test, %d tests, one worker (exit code %d, log %s)%n", durations.size(),
                process.exitValue(), dir.resolve("playwright-test.log"));
        System.out.printf(Locale.ROOT, "  first test (as its runner reports it): %6.0f ms%n", durations.get(0));
        printLater(durations);
        System.out.printf(Locale.ROOT, "  wall time, npx start to exit:      %6.0f ms%n", wall);
    }

    private static List<Double> testDurations(Path json) throws IOException {
        List<Double> durations = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile()).findValues("results")) {
            result.forEach(attempt -> durations.add(attempt.path("duration").asDouble()));
        }
        return durations;
    }

    private static void printLater(List<Double> millis) {
        List<Double> later = new ArrayList<>(millis.subList(1, millis.size()));
        Collections.sort(later);
        double sum = later.stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "  later steps: median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms, sum %.0f ms%n",
                later.get(later.size() / 2), later.get((int) Math.ceil(later.size() * 0.9) - 1), later.get(0),
                later.get(later.size() - 1), sum);
    }
}
