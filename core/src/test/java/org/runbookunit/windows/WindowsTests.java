package org.runbookunit.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.testing.ScriptedHealthServer;

class WindowsTests {

    private static final int DOWN = 503;
    private static final int UP = 200;

    private final Path reportDir = Path.of("target", "windows-tests", UUID.randomUUID().toString()).toAbsolutePath();
    private final Evidence evidence = new Evidence(reportDir, "1.1");

    @Test
    void eventuallyPassesOnceTheServerFlips() {
        try (ScriptedHealthServer server = ScriptedHealthServer.flippingAfter(Duration.ofMillis(300))) {
            Http http = http(server);

            WindowResult result = windows(http, 1).eventually("api ready", Duration.ofSeconds(10),
                    Poll.every(Duration.ofMillis(50)), () -> http.get("api", "/health").expectStatus(UP));

            List<Sample> samples = result.samples();
            assertThat(samples.get(samples.size() - 1).passed()).isTrue();
            assertThat(samples.subList(0, samples.size() - 1)).isNotEmpty().noneMatch(Sample::passed);
            assertThat(samples.get(samples.size() - 1).offset()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void eventuallyFailsNamingTheWindowItsBudgetAndTheLastCause() {
        try (ScriptedHealthServer server = ScriptedHealthServer.alwaysDown()) {
            Http http = http(server);

            assertThatThrownBy(() -> windows(http, 1).eventually("api ready", Duration.ofMillis(400),
                    Poll.every(Duration.ofMillis(50)), () -> http.get("api", "/health").expectStatus(UP)))
                    .isInstanceOf(WindowExpectationError.class)
                    .hasMessageStartingWith("window [api ready] did not pass within 400ms (")
                    .hasMessageContaining("last cause: GET api /health → 503 in ")
                    .hasMessageContaining("status: expected [200] but was [503]")
                    .hasMessageContaining("timeline: evidence/1.1-");
        }
    }

    @Test
    void backoffWaitsLongerEachTimeUpToItsCap() {
        try (ScriptedHealthServer server = ScriptedHealthServer.alwaysDown()) {
            Http http = http(server);
            Windows windows = windows(http, 1);

            WindowExpectationError failure = catchFailure(() -> windows.eventually("backoff", Duration.ofMillis(700),
                    Poll.backoff(Duration.ofMillis(20), 2, Duration.ofMillis(160)),
                    () -> http.get("api", "/health").expectStatus(UP)));

            List<Sample> samples = timeline(failure);
            assertThat(samples).hasSizeGreaterThanOrEqualTo(5);
            long[] expectedGaps = {20, 40, 80, 160, 160, 160};
            for (int index = 1; index < Math.min(samples.size(), expectedGaps.length + 1); index++) {
                Duration gap = samples.get(index).offset().minus(samples.get(index - 1).offset());
                assertThat(gap).as("gap before sample %d", index).isGreaterThanOrEqualTo(Duration.ofMillis(expectedGaps[index - 1] - 2));
            }
        }
    }

    @Test
    void sustainFailsFastOnASingleBadSample() {
        try (ScriptedHealthServer server = ScriptedHealthServer.byRequest(List.of(UP, UP, UP, DOWN))) {
            Http http = http(server);

            assertThatThrownBy(() -> windows(http, 1).sustain("healthy 30m", Duration.ofSeconds(2), Duration.ofMillis(50),
                    () -> http.get("api", "/health").expectStatus(UP)))
                    .isInstanceOf(WindowExpectationError.class)
                    .hasMessageContaining("window [healthy 30m] broke its budget after ")
                    .hasMessageContaining("1 failures in a row (budget: at most 0) (4 samples, 1 failure, longest failure streak 1)");
            assertThat(server.requests()).isEqualTo(4);
        }
    }

    @Test
    void watchToleratesIsolatedFailuresWithinMaxConsecutive() {
        try (ScriptedHealthServer server = ScriptedHealthServer.byRequest(List.of(UP, DOWN, UP, DOWN, DOWN, UP))) {
            Http http = http(server);

            WindowResult result = windows(http, 1).watch("red flags", Duration.ofMillis(400), Duration.ofMillis(40),
                    FailureBudget.maxConsecutiveFailures(2), () -> http.get("api", "/health").expectStatus(UP));

            assertThat(result.summary()).isEqualTo("11 samples, 3 failures, longest failure streak 2");
        }
    }

    @Test
    void watchFailsOnThreeFailuresInARowUnderMaxTwo() {
        try (ScriptedHealthServer server = ScriptedHealthServer.byRequest(List.of(UP, DOWN, DOWN, DOWN, UP))) {
            Http http = http(server);

            assertThatThrownBy(() -> windows(http, 1).watch("red flags", Duration.ofSeconds(2), Duration.ofMillis(40),
                    FailureBudget.maxConsecutiveFailures(2), () -> http.get("api", "/health").expectStatus(UP)))
                    .hasMessageContaining("3 failures in a row (budget: at most 2)");
            assertThat(server.requests()).isEqualTo(4);
        }
    }

    @Test
    void slidingBudgetCountsFailuresInsideAnyStretch() {
        List<Integer> spread = List.of(DOWN, UP, UP, UP, UP, UP, UP, UP, DOWN, UP, UP, UP, UP, UP, UP, UP, DOWN);
        List<Integer> bunched = List.of(UP, DOWN, UP, DOWN, UP, DOWN);
        FailureBudget twoPerStretch = FailureBudget.maxFailuresWithin(2, Duration.ofMillis(300));
        try (ScriptedHealthServer server = ScriptedHealthServer.byRequest(spread)) {
            Http http = http(server);

            WindowResult result = windows(http, 1).watch("errors per hour", Duration.ofMillis(800), Duration.ofMillis(50),
                    twoPerStretch, () -> http.get("api", "/health").expectStatus(UP));

            assertThat(result.summary()).isEqualTo("17 samples, 3 failures, longest failure streak 1");
        }
        try (ScriptedHealthServer server = ScriptedHealthServer.byRequest(bunched)) {
            Http http = http(server);

            assertThatThrownBy(() -> windows(http, 1).watch("errors per hour", Duration.ofMillis(800),
                    Duration.ofMillis(50), twoPerStretch, () -> http.get("api", "/health").expectStatus(UP)))
                    .hasMessageContaining("3 failures within 300 ms (budget: at most 2)");
        }
    }

    @Test
    void errorRateIsJudgedOverTheWholeWindow() {
        try (ScriptedHealthServer server = ScriptedHealthServer.byRequest(List.of(DOWN, DOWN, UP, UP, UP, UP))) {
            Http http = http(server);

            assertThatThrownBy(() -> windows(http, 1).watch("error rate", Duration.ofMillis(250), Duration.ofMillis(50),
                    FailureBudget.maxErrorRate(0.2), () -> http.get("api", "/health").expectStatus(UP)))
                    .hasMessageContaining("error rate 33.3% (budget: at most 20.0%)");
        }
    }

    @Test
    void windowsScaleShrinksDurationsAndIntervals() throws IOException {
        try (ScriptedHealthServer server = ScriptedHealthServer.byRequest(List.of())) {
            Http http = http(server);

            WindowResult result = windows(http, 0.01).sustain("healthy 30m", Duration.ofSeconds(30), Duration.ofSeconds(3),
                    () -> http.get("api", "/health").expectStatus(UP));

            assertThat(result.samples()).hasSize(11);
            JsonNode timeline = new ObjectMapper().readTree(reportDir.resolve(result.evidencePath()).toFile());
            assertThat(timeline.get("duration").asText()).isEqualTo("30s");
            assertThat(timeline.get("scaledMs").asLong()).isEqualTo(300);
            assertThat(timeline.get("summary").asText()).isEqualTo("11 samples, 0 failures, longest failure streak 0");
            assertThat(timeline.get("samples")).hasSize(11);
            String csv = evidence.items().get(evidence.items().size() - 1).path();
            assertThat(csv).endsWith("-window-healthy-30m.csv");
            assertThat(Files.readAllLines(reportDir.resolve(csv))).hasSize(12).first()
                    .isEqualTo("offset_ms,passed,latency_ms,message");
            assertThat(evidence.items().get(evidence.items().size() - 2).description())
                    .isEqualTo("window healthy 30m: 11 samples, 0 failures, longest failure streak 0");
        }
    }

    private List<Sample> timeline(WindowExpectationError failure) {
        try {
            JsonNode timeline = new ObjectMapper().readTree(reportDir.resolve(failure.getMessage()
                    .replaceAll("(?s).*timeline: (\\S+).*", "$1")).toFile());
            return java.util.stream.StreamSupport.stream(timeline.get("samples").spliterator(), false)
                    .map(row -> new Sample(Duration.ofMillis(row.get("offsetMs").asLong()), row.get("passed").asBoolean(),
                            Duration.ofMillis(row.get("latencyMs").asLong()), row.get("message").asText()))
                    .toList();
        } catch (IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private static WindowExpectationError catchFailure(Runnable window) {
        try {
            window.run();
        } catch (WindowExpectationError failure) {
            return failure;
        }
        throw new AssertionError("the window should have failed");
    }

    private Http http(ScriptedHealthServer server) {
        return new Http(new RunbookEnvironment("test", Map.of("api", server.uri())), Duration.ofSeconds(5), evidence);
    }

    private Windows windows(Http http, double scale) {
        return new Windows(evidence, scale, http::verify);
    }
}
