package org.runbookunit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run Debian's real {@code /usr/bin/prometheus} for a test on a free port of 127.0.0.1, storage under {@code target/},
 * scraping one loopback target every second and evaluating its rules every second. Skipped without the binary on a
 * laptop; FAILS with {@code CI=true}.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.scraping("signal-harvester", target.uri().resolve("/metrics"), RULES)) {
 *     ...
 * }
 * }</pre>
 */
public final class PrometheusServer implements AutoCloseable {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(30);

    private final Daemon daemon;
    private final URI uri;

    private PrometheusServer(Daemon daemon, URI uri) {
        this.daemon = daemon;
        this.uri = uri;
    }

    /** Start Prometheus scraping {@code target} (scheme, host:port and metrics path) as {@code job}, with a rules file. */
    public static PrometheusServer scraping(String job, URI target, String rulesYaml) {
        return scraping(Map.of(job, target), rulesYaml);
    }

    /** Start Prometheus scraping one target per job, with a rules file. */
    public static PrometheusServer scraping(Map<String, URI> jobs, String rulesYaml) {
        Path binary = Daemon.require("/usr/bin/prometheus", "prometheus");
        Path folder = Daemon.folder("prometheus");
        int port = Daemon.freePort();
        try {
            Files.writeString(folder.resolve("rules.yml"), rulesYaml);
            Files.writeString(folder.resolve("prometheus.yml"), config(jobs));
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
        URI uri = URI.create("http://127.0.0.1:" + port);
        Daemon daemon = Daemon.start("prometheus", List.of(binary.toString(), "--config.file=prometheus.yml",
                "--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port), folder,
                READY_DEADLINE, () -> LoopbackHttp.answers200(uri.resolve("/-/ready")));
        return new PrometheusServer(daemon, uri);
    }

    /** Write a configuration that scrapes each job's target every second and evaluates {@code rules.yml} every second. */
    public static String config(Map<String, URI> jobs) {
        StringBuilder yaml = new StringBuilder(String.join("\n", "global:", "  scrape_interval: 1s",
                "  evaluation_interval: 1s", "rule_files:", "  - rules.yml", "scrape_configs:", ""));
        new TreeMap<>(jobs).forEach((job, target) -> yaml.append(String.join("\n", "  - job_name: " + job,
                "    scrape_timeout: 1s", "    scheme: " + target.getScheme(), "    metrics_path: " + target.getPath(),
                "    static_configs:", "      - targets: ['" + target.getHost() + ":" + target.getPort() + "']", "")));
        return yaml.toString();
    }

    /** Return the base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        return uri;
    }

    /** Wait until an instant query returns at least one sample, e.g. until the first scrape and rule evaluation. */
    public PrometheusServer awaitSeries(String promql, Duration deadline) {
        long giveUp = System.nanoTime() + deadline.toNanos();
        URI query = uri.resolve("/api/v1/query?query=" + java.net.URLEncoder.encode(promql,
                java.nio.charset.StandardCharsets.UTF_8));
        while (!LoopbackHttp.get(query).contains("\"value\"")) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("Prometheus has no series for [" + promql + "] after " + deadline
                        + ":\n" + daemon.log());
            }
            Daemon.sleep(Duration.ofMillis(200));
        }
        return this;
    }

    @Override
    public void close() {
        daemon.close();
    }
}
