package org.runbookunit.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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

    /** Run the runbook once and print the HTTP step's duration in milliseconds. */
    public static void main(String[] args) {
        boolean after = "after".equals(System.getProperty("bench.shape", "first"));
        try (LoopbackServer server = LoopbackServer.start().json("/health", 200, "{\"status\":\"healthy\"}")) {
            RunbookKit kit = RunbookKit.withApi(server.uri()).parameter("runbook.prepare",
                    System.getProperty("bench.prepare", "true"));
            kit.run(after ? HttpAfterAnotherStep.class : HttpFirst.class).testEvents()
                    .assertStatistics(stats -> stats.failed(0));
            JsonNode steps = kit.reportJson(after ? "http-after" : "http-first").get("steps");
            JsonNode http = steps.get(steps.size() - 1);
            System.out.println("first HTTP step: " + http.get("durationMs").asLong() + " ms (prepare="
                    + System.getProperty("bench.prepare", "true") + ", shape=" + (after ? "after" : "first") + ")");
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
