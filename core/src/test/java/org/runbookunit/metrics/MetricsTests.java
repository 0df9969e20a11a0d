package org.runbookunit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.testing.Daemon;
import org.runbookunit.testing.PrometheusServer;
import org.runbookunit.testing.ScrapeTarget;

/**
 * Check {@link Metrics} against a real Prometheus (Debian's {@code /usr/bin/prometheus}) scraping a loopback target
 * this test serves, and a second job whose target port nobody listens on.
 */
class MetricsTests {

    static final String RULES = String.join("\n", "groups:", "  - name: api", "    rules:",
            "      - record: job:error_ratio", "        expr: sum(api_errors_total) / sum(api_requests_total)",
            "      - alert: AlwaysFiring", "        expr: vector(1)", "        labels: { severity: info }", "");

    static ScrapeTarget target;
    static PrometheusServer prometheus;
    static Path reports = Path.of("target", "metrics-tests");

    @BeforeAll
    static void start() {
        target = ScrapeTarget.serving("/metrics/prometheus").set("api_requests_total", 1000).set("api_errors_total", 3)
                .set("cache_hit_ratio", 0.72);
        prometheus = PrometheusServer.scraping(Map.of("signal-harvester", target.uri("/metrics/prometheus"),
                "scheduler", URI.create("http://127.0.0.1:" + Daemon.freePort() + "/metrics")), RULES)
                .awaitSeries("job:error_ratio", Duration.ofSeconds(30))
                .awaitSeries("ALERTS{alertstate=\"firing\"}", Duration.ofSeconds(30))
                .awaitSeries("up{job=\"scheduler\"} == 0", Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        prometheus.close();
        target.close();
    }

    Evidence evidence = new Evidence(reports, "m" + System.nanoTime());

    Metrics metrics() {
        RunbookEnvironment environment = new RunbookEnvironment("local", Map.of("prometheus", prometheus.uri()));
        return new Metrics(new Http(environment, Duration.ofSeconds(5), evidence), evidence);
    }

    @Test
    void theScrapedJobIsUpAndItsTargetsAreEvidence() throws Exception {
        assertThat(metrics().expectTargetsUp("signal-harvester")).singleElement()
                .satisfies(up -> assertThat(up.scrapeUrl()).endsWith("/metrics/prometheus"));
        assertThat(evidence.items()).anySatisfy(item -> assertThat(item.path()).contains("prometheus-targets"));
        String saved = Files.readString(reports.resolve(evidence.items().stream()
                .filter(item -> item.path().contains("prometheus-targets")).findFirst().orElseThrow().path()));
        assertThat(saved).contains("\"health\" : \"up\"");
    }

    @Test
    void aJobWhoseTargetIsDownFailsNamingTheTargetAndItsError() {
        assertThatThrownBy(() -> metrics().expectTargetsUp("scheduler")).isInstanceOf(MetricsExpectationError.class)
                .hasMessageContaining("targets of job [scheduler]").hasMessageContaining("1 of 1 are not")
                .hasMessageContaining("down").hasMessageContaining("connection refused");
        assertThatThrownBy(() -> metrics().expectTargetsUp("no-such-job", 1, Duration.ofMinutes(1)))
                .hasMessageContaining("at least 1 up").hasMessageContaining("the job has no active target");
    }

    @Test
    void aStaleScrapeDoesNotCountAsUp() {
        assertThatThrownBy(() -> metrics().expectTargetsUp("signal-harvester", 1, Duration.ofMillis(1)))
                .isInstanceOf(MetricsExpectationError.class).hasMessageContaining("scraped within PT0.001S");
    }

    @Test
    void anInstantQueryIsComparedWithItsThreshold() {
        assertThat(metrics().expectQuery("job:error_ratio", Threshold.below(0.01))).isEqualTo(0.003);
        assertThat(metrics().expectQuery("cache_hit_ratio", Threshold.above(0.6))).isEqualTo(0.72);
        assertThatThrownBy(() -> metrics().expectQuery("cache_hit_ratio", Threshold.above(0.8)))
                .isInstanceOf(MetricsExpectationError.class)
                .hasMessageContaining("query [cache_hit_ratio]: expected every series > 0.8 but was");
        assertThatThrownBy(() -> metrics().expectQuery("no_such_metric", Threshold.below(1)))
                .hasMessageContaining("it returned no series");
        assertThatThrownBy(() -> metrics().query("sum(")).isInstanceOf(MetricsExpectationError.class)
                .hasMessageContaining("bad_data");
    }

    @Test
    void aRangeQueryIsAggregatedOverItsPeriod() {
        double max = metrics().expectRange("job:error_ratio", Duration.ofHours(24), Aggregate.MAX, Threshold.below(0.01));
        assertThat(max).isEqualTo(0.003);
        assertThatThrownBy(() -> metrics().expectRange("job:error_ratio", Duration.ofHours(24), Aggregate.AVG,
                Threshold.below(0.001))).isInstanceOf(MetricsExpectationError.class)
                .hasMessageContaining("expected AVG < 0.001 but was [0.003]");
        assertThat(evidence.items()).anySatisfy(item -> assertThat(item.path()).contains("prometheus-range-max"));
    }

    @Test
    void rulesAreLoadedOrNamedAsMissing() {
        metrics().expectRuleLoaded("job:error_ratio");
        metrics().expectRuleLoaded("AlwaysFiring");
        assertThatThrownBy(() -> metrics().expectRuleLoaded("HighErrorRate")).isInstanceOf(MetricsExpectationError.class)
                .hasMessageContaining("has no such rule").hasMessageContaining("job:error_ratio");
    }

    @Test
    void aFiringAlertFailsUnlessExcepted() {
        assertThatThrownBy(() -> metrics().expectNoAlertsFiring()).isInstanceOf(MetricsExpectationError.class)
                .hasMessageContaining("1 fire").hasMessageContaining("alertname=AlwaysFiring");
        metrics().expectNoAlertsFiring("AlwaysFiring");
    }

    @Test
    void anUnknownEndpointOrADeadServerIsAClearFailure() {
        assertThatThrownBy(() -> metrics().on("prometheus-eu").targets("x"))
                .hasMessageContaining("endpoint [prometheus-eu] is not defined");
        RunbookEnvironment dead = new RunbookEnvironment("local",
                Map.of("prometheus", URI.create("http://127.0.0.1:" + Daemon.freePort())));
        assertThatThrownBy(() -> new Metrics(new Http(dead, Duration.ofSeconds(2), evidence), evidence)
                .expectTargetsUp("x")).isInstanceOf(MetricsExpectationError.class)
                .hasMessageContaining("Prometheus [prometheus] did not answer /api/v1/targets");
    }
}
