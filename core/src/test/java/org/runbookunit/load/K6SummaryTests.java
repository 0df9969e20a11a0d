package org.runbookunit.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;

/**
 * Judge k6 summaries. k6 is not installed on this machine, so the files under src/test/resources/load are written in
 * k6's documented formats (a {@code --summary-export} file, and a {@code handleSummary} JSON) rather than produced by
 * a k6 run; the figures are those of a 50-VU, 5-minute run.
 */
class K6SummaryTests {

    private static final Thresholds SEED_004 = Thresholds.none().p95Below(Duration.ofMillis(500)).errorRateBelow(0.01);

    private final Path reportDir = Path.of("target", "k6-tests", UUID.randomUUID().toString()).toAbsolutePath();
    private final Load load = new Load(new RunbookEnvironment("staging", Map.of("api", URI.create("http://127.0.0.1:9"))),
            new Evidence(reportDir, "7.1"), false, Duration.ofSeconds(5));

    @Test
    void aSummaryExportWithinTheThresholdsPassesEvenWhenReadOnly() {
        LoadResult result = load.judgeK6Summary("auth api", resource("k6-summary-export-passed.json"),
                SEED_004.p99Below(Duration.ofSeconds(1)).throughputAtLeast(45));

        assertThat(result.requests()).isEqualTo(14950);
        assertThat(result.failed()).isEqualTo(30);
        assertThat(result.p95()).contains(Duration.ofNanos(387_901_100));
        assertThat(result.p99()).contains(Duration.ofNanos(512_004_500));
        assertThat(result.throughput()).isEqualTo(49.8215);
        assertThat(result.source()).isEqualTo("k6 summary k6-summary-export-passed.json");
        assertThat(reportDir.resolve("evidence/7.1-01-load-auth-api.json")).exists();
    }

    @Test
    void aSlowSummaryBreaksItsThresholdsByName() {
        assertThatThrownBy(() -> load.judgeK6Summary("agents api", resource("k6-summary-export-slow.json"), SEED_004))
                .isInstanceOf(LoadExpectationError.class)
                .hasMessageContaining("p(95): budget < 500ms, measured 612.3 ms")
                .hasMessageContaining("error rate: budget < 1.00 %, measured 3.40 % (441 of 12971 requests failed)");
    }

    @Test
    void aMissingP99AsksForTheTrendStatsThatHaveIt() {
        assertThatThrownBy(() -> load.judgeK6Summary("agents api", resource("k6-summary-export-slow.json"),
                Thresholds.none().p99Below(Duration.ofSeconds(1))))
                .hasMessageContaining("p(99): budget < 1s, not measured (run k6 with --summary-trend-stats=");
    }

    @Test
    void aHandleSummaryJsonIsReadToo() {
        LoadResult result = load.judgeK6Summary("handle", resource("k6-handle-summary.json"), SEED_004);

        assertThat(result.requests()).isEqualTo(14950);
        assertThat(result.errorRate()).isCloseTo(0.002, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(result.p99()).contains(Duration.ofMillis(512));
    }

    @Test
    void aFileThatIsNotASummarySaysWhatItLacks() {
        assertThatThrownBy(() -> load.judgeK6Summary("x", resource("k6-not-a-summary.json"), SEED_004))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("has no metric [http_req_duration] under \"metrics\"");
    }

    private static Path resource(String name) {
        return Path.of("src/test/resources/load", name).toAbsolutePath();
    }
}
