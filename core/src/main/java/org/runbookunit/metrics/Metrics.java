package org.runbookunit.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.internal.api.JsonApi;

/**
 * Check a Prometheus server through its HTTP API, addressed by endpoint name: targets up, a query under a threshold,
 * a rule loaded, no alert firing. Calls go through {@link Http}, so the endpoint's timeout, basic auth (user-info in
 * its URL), relaxed TLS and evidence apply; every query and its result is saved as evidence too.
 *
 * <pre>{@code
 * @Step(order = 1, value = "API scrape target up, error rate < 1 % over 24 h")
 * void scraped(Metrics metrics) {
 *     metrics.expectTargetsUp("signal-harvester");
 *     metrics.expectRange("sum(rate(http_requests_total{status=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))",
 *         Duration.ofHours(24), Aggregate.MAX, Threshold.below(0.01));
 * }
 * }</pre>
 *
 * <p>Immutable: {@link #on(String)} returns a new {@code Metrics}. A failed check throws
 * {@link MetricsExpectationError} at once, so a check inside a {@code Windows} window fails that sample.
 */
public final class Metrics {

    /** The endpoint name used unless {@link #on(String)} names another. */
    public static final String DEFAULT_ENDPOINT = "prometheus";

    /** How recent the last scrape of a target must be for {@link #expectTargetsUp(String)}. */
    public static final Duration DEFAULT_FRESHNESS = Duration.ofMinutes(5);

    private static final int RANGE_POINTS = 250;

    private final Http http;
    private final JsonApi api;
    private final Evidence evidence;
    private final Clock clock;

    /** Create the facade for one step, reading endpoint {@value #DEFAULT_ENDPOINT}. */
    public Metrics(Http http, Evidence evidence) {
        this(http, DEFAULT_ENDPOINT, evidence, Clock.systemUTC());
    }

    private Metrics(Http http, String endpoint, Evidence evidence, Clock clock) {
        this.http = http;
        this.api = new JsonApi(http, endpoint, "Prometheus", MetricsExpectationError::new);
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Read another endpoint of the environment, e.g. {@code on("prometheus-eu")}. */
    public Metrics on(String endpoint) {
        return new Metrics(http, endpoint, evidence, clock);
    }

    /** Return every active target of a job; an empty list when Prometheus has none. */
    public List<Target> targets(String job) {
        List<Target> targets = PrometheusJson.targets(PrometheusJson.data(api.get("/api/v1/targets?state=active"),
                "the targets")).stream().filter(target -> target.job().equals(job)).toList();
        evidence.json("prometheus targets " + job, targets.stream().map(Metrics::row).toList(),
                "Prometheus [" + api.endpoint() + "] targets of job " + job);
        return targets;
    }

    /** Expect every target of a job up and scraped within {@link #DEFAULT_FRESHNESS}, and at least one of them. */
    public List<Target> expectTargetsUp(String job) {
        List<Target> targets = targets(job);
        Instant since = clock.instant().minus(DEFAULT_FRESHNESS);
        List<Target> notUp = targets.stream().filter(target -> !target.upSince(since)).toList();
        if (targets.isEmpty() || !notUp.isEmpty()) {
            throw failure(job, targets, "every target up and scraped within " + DEFAULT_FRESHNESS, notUp);
        }
        return targets;
    }

    /** Expect at least {@code atLeast} targets of a job up with a scrape no older than {@code scrapedWithin}. */
    public List<Target> expectTargetsUp(String job, int atLeast, Duration scrapedWithin) {
        if (atLeast < 1) {
            throw new IllegalArgumentException("expectTargetsUp(job, atLeast, …) needs atLeast >= 1 but was [" + atLeast + "]");
        }
        List<Target> targets = targets(job);
        Instant since = clock.instant().minus(scrapedWithin);
        List<Target> up = targets.stream().filter(target -> target.upSince(since)).toList();
        if (up.size() < atLeast) {
            throw failure(job, targets, "at least " + atLeast + " up and scraped within " + scrapedWithin,
                    targets.stream().filter(target -> !up.contains(target)).toList());
        }
        return up;
    }

    /** Run an instant query and return every series it answers (each with one value). */
    public List<Series> query(String promql) {
        List<Series> series = PrometheusJson.series(PrometheusJson.data(api.get("/api/v1/query?query="
                + JsonApi.encode(promql)), "query [" + promql + "]"));
        save("prometheus query", promql, series);
        return series;
    }

    /** Run an instant query and expect it to answer at least one series, each meeting the threshold; return the first. */
    public double expectQuery(String promql, Threshold threshold) {
        List<Series> series = query(promql);
        List<Series> unmet = series.stream().filter(one -> !threshold.test(one.value())).toList();
        if (series.isEmpty() || !unmet.isEmpty()) {
            throw new MetricsExpectationError("query [" + promql + "]: expected every series " + threshold + " but "
                    + (series.isEmpty() ? "it returned no series" : "was " + show(unmet)));
        }
        return series.get(0).value();
    }

    /**
     * Run a range query over the last {@code period} and expect the samples, aggregated, to meet a threshold, e.g. the
     * maximum error rate over 24 h below 0.01; return the aggregate. The step is chosen for about 250 points.
     */
    public double expectRange(String promql, Duration period, Aggregate aggregate, Threshold threshold) {
        Instant end = clock.instant();
        long step = Math.max(1, period.toSeconds() / RANGE_POINTS);
        Instant start = end.minusSeconds(period.toSeconds() / step * step); // points end at "now", where samples are
        List<Series> series = PrometheusJson.series(PrometheusJson.data(api.get("/api/v1/query_range?query="
                + JsonApi.encode(promql) + "&start=" + seconds(start) + "&end=" + seconds(end)
                + "&step=" + step), "range query [" + promql + "]"));
        List<Double> samples = series.stream().flatMap(one -> one.values().stream()).filter(v -> !v.isNaN()).toList();
        double value = aggregate.of(samples);
        save("prometheus range " + aggregate.name().toLowerCase(java.util.Locale.ROOT), promql + " over " + period,
                series);
        if (!threshold.test(value)) {
            throw new MetricsExpectationError("range query [" + promql + "] over " + period + ": expected "
                    + aggregate + " " + threshold + " but " + (samples.isEmpty() ? "it returned no samples"
                            : "was [" + value + "] over " + samples.size() + " samples"));
        }
        return value;
    }

    /** Expect a recording or alerting rule of this name loaded and not failing to evaluate. */
    public void expectRuleLoaded(String name) {
        JsonNode groups = PrometheusJson.data(api.get("/api/v1/rules"), "the rules").path("groups");
        List<Map<String, String>> rules = new ArrayList<>();
        groups.forEach(group -> group.path("rules").forEach(rule -> rules.add(Map.of("group", group.path("name").asText(),
                "name", rule.path("name").asText(), "type", rule.path("type").asText(),
                "health", rule.path("health").asText(), "lastError", rule.path("lastError").asText()))));
        evidence.json("prometheus rules", rules, "Prometheus [" + api.endpoint() + "] rules");
        List<Map<String, String>> named = rules.stream().filter(rule -> rule.get("name").equals(name)).toList();
        if (named.isEmpty() || named.stream().anyMatch(rule -> "err".equals(rule.get("health")))) {
            throw new MetricsExpectationError("rule [" + name + "]: expected loaded and evaluating but "
                    + (named.isEmpty() ? "Prometheus [" + api.endpoint() + "] has no such rule; loaded: "
                            + rules.stream().map(rule -> rule.get("name")).toList() : "it fails: " + named));
        }
    }

    /** Expect no alert firing in Prometheus except those whose {@code alertname} is listed; pending ones do not count. */
    public void expectNoAlertsFiring(String... exceptAlertnames) {
        List<Map<String, String>> alerts = new ArrayList<>();
        PrometheusJson.data(api.get("/api/v1/alerts"), "the alerts").path("alerts").forEach(alert -> {
            Map<String, String> row = new LinkedHashMap<>(PrometheusJson.labels(alert.path("labels")));
            row.put("state", alert.path("state").asText());
            alerts.add(row);
        });
        evidence.json("prometheus alerts", alerts, "Prometheus [" + api.endpoint() + "] alerts");
        List<String> excepted = List.of(exceptAlertnames);
        List<Map<String, String>> firing = alerts.stream().filter(alert -> "firing".equals(alert.get("state")))
                .filter(alert -> !excepted.contains(alert.get("alertname"))).toList();
        if (!firing.isEmpty()) {
            throw new MetricsExpectationError("expected no alert firing in Prometheus [" + api.endpoint() + "]"
                    + (excepted.isEmpty() ? "" : " except " + excepted) + " but " + firing.size() + " fire: " + firing);
        }
    }

    private MetricsExpectationError failure(String job, List<Target> targets, String expected, List<Target> bad) {
        return new MetricsExpectationError("targets of job [" + job + "] in Prometheus [" + api.endpoint()
                + "]: expected " + expected + " but " + (targets.isEmpty() ? "the job has no active target"
                        : bad.size() + " of " + targets.size() + " are not: "
                                + bad.stream().map(Target::describe).collect(Collectors.joining("; "))));
    }

    private void save(String name, String query, List<Series> series) {
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("query", query);
        saved.put("result", series);
        evidence.json(name, saved, "Prometheus [" + api.endpoint() + "] " + query);
    }

    private static Map<String, Object> row(Target target) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("instance", target.instance());
        row.put("scrapeUrl", target.scrapeUrl());
        row.put("health", target.health());
        row.put("lastScrape", target.lastScrape().map(Instant::toString).orElse("never"));
        row.put("lastError", target.lastError());
        return row;
    }

    /** Write a time as Prometheus's seconds with milliseconds: "now" truncated to the second may miss the newest sample. */
    private static String seconds(Instant at) {
        return at.getEpochSecond() + "." + String.format("%03d", at.getNano() / 1_000_000);
    }

    private static String show(List<Series> series) {
        return series.stream().map(one -> one.labels() + "=" + one.value()).collect(Collectors.joining(", "));
    }
}
