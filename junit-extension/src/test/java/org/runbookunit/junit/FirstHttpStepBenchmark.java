package org.runbookunit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.runbookunit.http.Http;
import org.runbookunit.testing.LoopbackServer;

/**
 * Time the first HTTP step of a fresh JVM's run, as its report records it, with {@code runbook.prepare} on or off.
 * Run it with {@code bench/first-http-step.sh}, which starts one JVM per measurement. System properties:
 * {@code bench.prepare} ({@code true}/{@code false}) and {@code bench.shape}: {@code first} (the HTTP step is the
 * runbook's first) or {@code after} (a one-second step before it, as a rehearsal stack's start or an earlier check
 * would be).
 */
public final class FirstHttpStepBenchmark {

    private FirstHttpStepBenchmark() {
    }

    /**
     * Run the runbook once through the JUnit Platform launcher, as Surefire and IDEs do (a launcher session, discovery,
     * then execution), and print the HTTP step's duration and when discovery and the run started.
     */
    public static void main(String[] args) {
        boolean after = "after".equals(System.getProperty("bench.shape", "first"));
        long jvmStart = Long.getLong("bench.jvm.launch.ms", ProcessHandle.current().info().startInstant()
                .map(Instant::toEpochMilli).orElse(0L));
        try (LoopbackServer server = LoopbackServer.start().json("/health", 200, "{\"status\":\"healthy\"}")) {
            RunbookKit kit = RunbookKit.withApi(server.uri()).parameter("runbook.prepare",
                    System.getProperty("bench.prepare", "true"));
            Class<?> runbook = after ? HttpAfterAnotherStep.class : HttpFirst.class;
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            long sessionOpened;
            long discovered;
            try (LauncherSession session = LauncherFactory.openSession()) {
                sessionOpened = System.currentTimeMillis();
                TestPlan plan = session.getLauncher().discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(runbook)).configurationParameters(kit.parameters()).build());
                discovered = System.currentTimeMillis();
                session.getLauncher().execute(plan, summary);
            }
            if (summary.getSummary().getTotalFailureCount() > 0) {
                throw new IllegalStateException("the runbook failed: " + summary.getSummary().getFailures());
            }
            JsonNode report = kit.reportJson(after ? "http-after" : "http-first");
            JsonNode http = report.get("steps").get(report.get("steps").size() - 1);
            long runStart = Instant.parse(report.get("startedAt").asText()).toEpochMilli();
            long stepStart = Instant.parse(http.get("startedAt").asText()).toEpochMilli();
            System.out.println("first HTTP step: " + http.get("durationMs").asLong() + " ms (prepare="
                    + System.getProperty("bench.prepare", "true") + ", shape=" + (after ? "after" : "first") + ")"
                    + "; from the JVM's start: session " + (sessionOpened - jvmStart) + " ms, discovered "
                    + (discovered - jvmStart) + " ms, run " + (runStart - jvmStart) + " ms, step "
                    + (stepStart - jvmStart) + " ms");
        }
    }

    @Runbook(value = "http first", id = "http-first")
    static class HttpFirst {
        @Step(order = 1, value = "API healthy")
        void healthy(Http http) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
        }
    }

    @Runbook(value = "http after", id = "http-after")
    static class HttpAfterAnotherStep {
        @Step(order = 1, value = "One second of something else")
        void before() throws InterruptedException {
            Thread.sleep(Duration.ofSeconds(1).toMillis());
        }

        @Step(order = 2, value = "API healthy")
        void healthy(Http http) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
        }
    }
}
