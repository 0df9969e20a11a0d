package org.runbookunit.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.testing.LoadTargetServer;
import org.runbookunit.testing.TestEnvironments;

class LoadTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Path reportDir = Path.of("target", "load-tests", UUID.randomUUID().toString()).toAbsolutePath();
    private final Evidence evidence = new Evidence(reportDir, "4.1");

    @Test
    void closedModelWithinItsThresholdsPassesAndSavesItsTimeline() throws IOException {
        try (LoadTargetServer server = LoadTargetServer.start(8, Duration.ZERO)) {
            LoadResult result = load(server.uri()).probe("health", "api", "/health").virtualUsers(4)
                    .duration(Duration.ofSeconds(1))
                    .expect(Thresholds.none().p95Below(Duration.ofMillis(250)).p99Below(Duration.ofMillis(500))
                            .errorRateBelow(0.01).throughputAtLeast(50))
                    .run();

            assertThat(result.requests()).isGreaterThan(50).isEqualTo(server.requests());
            assertThat(result.failed()).isZero();
            assertThat(result.statuses()).containsEntry("200", result.requests());
            JsonNode timeline = timeline("health");
            assertThat(timeline.path("model").asText()).startsWith("closed");
            assertThat(timeline.path("target").asText()).isEqualTo(server.uri() + "/health");
            assertThat(timeline.path("seconds")).isNotEmpty();
            long perSecond = 0;
            for (JsonNode second : timeline.path("seconds")) {
                perSecond += second.path("requests").asLong();
                assertThat(second.path("p95Ms").asDouble()).isPositive();
            }
            assertThat(perSecond).isEqualTo(result.requests());
            assertThat(Files.readString(evidenceFile("csv"))).startsWith("second,requests,failed,p50_ms,p95_ms,max_ms\n0,");
        }
    }

    @Test
    void brokenThresholdsAreEachNamedWithBudgetAndMeasuredValue() {
        try (LoadTargetServer server = LoadTargetServer.start(4, Duration.ofMillis(40))) {
            assertThatThrownBy(() -> load(server.uri()).probe("slow", "api", "/").virtualUsers(2)
                    .duration(Duration.ofMillis(600))
                    .expect(Thresholds.none().p95Below(Duration.ofMillis(20)).throughputAtLeast(10_000)).run())
                    .isInstanceOf(LoadExpectationError.class)
                    .hasMessageStartingWith("load probe [slow] broke 2 thresholds (")
                    .hasMessageMatching("(?s).*p\\(95\\): budget < 20ms, measured \\d+\\.\\d ms.*")
                    .hasMessageContaining("throughput: budget >= 10000.0 req/s, measured ")
                    .hasMessageContaining("timeline: evidence/4.1-01-load-slow.json");
        }
    }

    @Test
    void serverErrorsCountAsFailedRequests() {
        try (LoadTargetServer server = LoadTargetServer.start(4, Duration.ZERO, number -> number % 2 == 0 ? 503 : 200)) {
            LoadExpectationError error = org.junit.jupiter.api.Assertions.assertThrows(LoadExpectationError.class,
                    () -> load(server.uri()).probe("flaky", "api", "/").virtualUsers(1).maxRequests(40)
                            .duration(Duration.ofSeconds(5)).expect(Thresholds.none().errorRateBelow(0.01)).run());

            assertThat(error.result().requests()).isEqualTo(40);
            assertThat(error.result().failed()).isEqualTo(20);
            assertThat(error.result().statuses()).containsEntry("503", 20L).containsEntry("200", 20L);
            assertThat(error).hasMessageContaining("error rate: budget < 1.00 %, measured 50.00 % (20 of 40 requests failed)");
        }
    }

    @Test
    void connectionErrorsCountAsFailedRequests() throws IOException {
        URI closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        LoadResult result = load(closed).probe("down", "api", "/").virtualUsers(2).maxRequests(10)
                .duration(Duration.ofSeconds(2)).run();

        assertThat(result.requests()).isEqualTo(10);
        assertThat(result.failed()).isEqualTo(10);
        assertThat(result.errorRate()).isEqualTo(1.0);
        assertThat(result.statuses()).containsOnlyKeys("error ConnectException");
    }

    @Test
    void openModelKeepsItsArrivalRateWhenTheServerIsSlow() {
        try (LoadTargetServer server = LoadTargetServer.start(32, Duration.ofMillis(200))) {
            LoadResult result = load(server.uri()).probe("steady", "api", "/").arrivalRate(50)
                    .duration(Duration.ofSeconds(2)).run();

            assertThat(result.requests()).isEqualTo(100).isEqualTo(server.requests());
            assertThat(result.notSent()).isZero();
            assertThat(result.throughput()).isBetween(40.0, 55.0);
            assertThat(result.p50()).get().matches(p50 -> p50.compareTo(Duration.ofMillis(200)) >= 0);
            assertThat(result.p95()).get().matches(p95 -> p95.compareTo(Duration.ofMillis(400)) < 0);
        }
    }

    @Test
    void openModelMeasuresFromWhenEachRequestWasDueSoQueueingIsNotHidden() {
        try (LoadTargetServer server = LoadTargetServer.start(1, Duration.ofMillis(100))) {
            LoadResult result = load(server.uri()).probe("saturated", "api", "/").arrivalRate(20).virtualUsers(1)
                    .duration(Duration.ofSeconds(1)).run();

            // the server takes 100 ms a request but 20 are due each second: the last one waits ~1 s for its turn
            assertThat(result.requests()).isEqualTo(20);
            assertThat(result.p50()).get().matches(p50 -> p50.compareTo(Duration.ofMillis(400)) > 0, "p50 includes queueing");
            assertThat(result.max()).get().matches(max -> max.compareTo(Duration.ofMillis(900)) > 0, "max includes queueing");
        }
    }

    @Test
    void openModelRampsItsRateUpLinearlyThenHoldsIt() {
        try (LoadTargetServer server = LoadTargetServer.start(8, Duration.ZERO)) {
            LoadResult result = load(server.uri()).probe("ramp", "api", "/").arrivalRate(100)
                    .rampUp(Duration.ofSeconds(1)).duration(Duration.ofSeconds(1)).run();

            // 0 → 100/s over the first second (50 requests), then 100/s for one more (100)
            assertThat(result.requests()).isEqualTo(150);
            Plan plan = new Plan("ramp", server.uri(), Map.of(), 10, 100, Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(5), 1000, TIMEOUT);
            assertThat(plan.arrivalNanos(8)).isCloseTo(400_000_000L, org.assertj.core.data.Offset.offset(1_000L)); // 50 t² = 8
            assertThat(plan.arrivalNanos(50)).isEqualTo(1_000_000_000L);
            assertThat(plan.arrivalNanos(100)).isEqualTo(1_500_000_000L);
        }
    }

    @Test
    void maxRequestsIsNeverExceeded() {
        try (LoadTargetServer server = LoadTargetServer.start(8, Duration.ZERO)) {
            LoadResult result = load(server.uri()).probe("bounded", "api", "/").virtualUsers(8).maxRequests(25)
                    .duration(Duration.ofSeconds(10)).run();

            assertThat(result.requests()).isEqualTo(25);
            assertThat(server.requests()).isEqualTo(25);
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void maxTimeEndsTheProbeWithRequestsStillInFlight() {
        try (LoadTargetServer server = LoadTargetServer.start(4, Duration.ofSeconds(3))) {
            long start = System.nanoTime();
            LoadResult result = load(server.uri()).probe("hung", "api", "/").virtualUsers(4)
                    .duration(Duration.ofSeconds(10)).maxTime(Duration.ofMillis(500)).run();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
            assertThat(result.requests()).isZero();
            assertThat(result.elapsed()).isLessThanOrEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void aReadOnlyEnvironmentRefusesTheProbeBeforeSendingAnything() {
        try (LoadTargetServer server = LoadTargetServer.start(2, Duration.ZERO)) {
            RunbookEnvironment readOnly = TestEnvironments.local(reportDir, """
                    environments:
                      local:
                        read-only: true
                        endpoints: { api: "%s" }
                    """.formatted(server.uri()), Map.of());
            Load load = new Load(readOnly, evidence, false, TIMEOUT);

            assertThatThrownBy(() -> load.probe("prod", "api", "/").virtualUsers(5).run())
                    .isInstanceOf(LoadException.class)
                    .hasMessage("load probe [prod] sends up to 100000 requests to endpoint [api], and environment [local] "
                            + "is read-only; rehearse it in a writable environment, or mark the step @Destructive and "
                            + "run with runbook.allow-destructive=true for a planned load test");
            assertThat(server.requests()).isZero();
            assertThat(new Load(readOnly, evidence, true, TIMEOUT).probe("allowed", "api", "/").maxRequests(3).run()
                    .requests()).as("a @Destructive step allowed to write").isEqualTo(3);
        }
    }

    @Test
    void windowsScaleShortensTheProbeInRehearsal() throws IOException {
        try (LoadTargetServer server = LoadTargetServer.start(4, Duration.ZERO)) {
            RunbookEnvironment rehearsal = TestEnvironments.local(reportDir, """
                    environments:
                      local:
                        rehearsal: true
                        windows-scale: 0.002
                        endpoints: { api: "%s" }
                    """.formatted(server.uri()), Map.of());

            LoadResult result = new Load(rehearsal, evidence, true, TIMEOUT).probe("5m", "api", "/").virtualUsers(2)
                    .duration(Duration.ofMinutes(5)).run();

            assertThat(result.elapsed()).isBetween(Duration.ofMillis(550), Duration.ofMillis(1500));
            assertThat(timeline("5m").path("scaledMs").asLong()).isEqualTo(600);
            assertThat(timeline("5m").path("duration").asText()).isEqualTo("5m");
        }
    }

    @Test
    void basicAuthComesFromTheEndpointUserInfoAndStaysOutOfTheEvidence() throws IOException {
        try (LoadTargetServer server = LoadTargetServer.start(2, Duration.ZERO)) {
            RunbookEnvironment secured = TestEnvironments.local(reportDir, """
                    environments:
                      local:
                        endpoints: { api: "http://loader:${LOAD_PASSWORD}@127.0.0.1:%d" }
                    """.formatted(server.uri().getPort()), Map.of("LOAD_PASSWORD", "s3cret-pw"));
            Evidence redacting = new Evidence(reportDir, "4.2", secured.secrets());

            new Load(secured, redacting, true, TIMEOUT).probe("auth", "api", "/").maxRequests(3).run();

            String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("loader:s3cret-pw".getBytes());
            assertThat(server.authorizations()).containsOnly(expected);
            for (Path file : Files.list(reportDir.resolve("evidence")).toList()) {
                assertThat(Files.readString(file)).doesNotContain("s3cret-pw").doesNotContain(expected.substring(6));
            }
        }
    }

    @Test
    void badInputNamesTheValueAndTheRule() {
        Load load = load(URI.create("http://127.0.0.1:9"));
        assertThatThrownBy(() -> load.probe("x", "api", "health")).hasMessage("load probe [x] path must start with / but was [health]");
        assertThatThrownBy(() -> load.probe("x", "api", "/").virtualUsers(0)).hasMessage("virtualUsers must be between 1 and 10000 but was [0]");
        assertThatThrownBy(() -> Thresholds.none().errorRateBelow(1.5)).hasMessage("errorRateBelow must be a rate between 0 and 1 but was [1.5]; write 0.01 for 1 %");
        assertThatThrownBy(() -> load.probe("x", "web", "/")).hasMessageStartingWith("endpoint [web] is not defined in environment [local]");
    }

    private Load load(URI api) {
        return new Load(new RunbookEnvironment("local", Map.of("api", api)), evidence, true, TIMEOUT);
    }

    private JsonNode timeline(String name) throws IOException {
        return new ObjectMapper().readTree(evidenceFile(name, "json").toFile());
    }

    private Path evidenceFile(String extension) throws IOException {
        try (var files = Files.list(reportDir.resolve("evidence"))) {
            return files.filter(file -> file.toString().endsWith("." + extension)).findFirst().orElseThrow();
        }
    }

    private Path evidenceFile(String name, String extension) throws IOException {
        try (var files = Files.list(reportDir.resolve("evidence"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-load-" + name + "." + extension))
                    .findFirst().orElseThrow();
        }
    }
}
