package org.runbookunit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Run Debian's real {@code /usr/bin/prometheus-alertmanager} for a test on free ports of 127.0.0.1 (its gossip on a
 * loopback port too, so the cluster settles to {@code ready}), storage under {@code target/}. Alerts are pushed and
 * silenced through its own v2 API, so what the test reads back is Alertmanager's state, not the test's. Skipped without
 * the binary on a laptop; FAILS with {@code CI=true}.
 */
public final class AlertmanagerServer implements AutoCloseable {

    /**
     * The configuration: every alert to a receiver that sends nothing anywhere; a firing {@code severity=critical}
     * alert inhibits the {@code severity=warning} alerts of the same {@code service}.
     */
    public static final String CONFIG = String.join("\n", "route:", "  receiver: blackhole", "  group_wait: 0s",
            "receivers:", "  - name: blackhole", "inhibit_rules:", "  - source_matchers: [severity=critical]",
            "    target_matchers: [severity=warning]", "    equal: [service]", "");

    private static final Duration READY_DEADLINE = Duration.ofSeconds(30);

    private final Daemon daemon;
    private final URI uri;

    private AlertmanagerServer(Daemon daemon, URI uri) {
        this.daemon = daemon;
        this.uri = uri;
    }

    /** Start Alertmanager with {@link #CONFIG} and wait until its cluster is ready. */
    public static AlertmanagerServer start() {
        Path binary = Daemon.require("/usr/bin/prometheus-alertmanager", "prometheus-alertmanager");
        Path folder = Daemon.folder("alertmanager");
        int port = Daemon.freePort();
        int gossip = Daemon.freePort();
        try {
            Files.writeString(folder.resolve("alertmanager.yml"), CONFIG);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
        URI uri = URI.create("http://127.0.0.1:" + port);
        Daemon daemon = Daemon.start("alertmanager", List.of(binary.toString(), "--config.file=alertmanager.yml",
                "--storage.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=127.0.0.1:" + gossip, "--cluster.gossip-interval=20ms"), folder,
                READY_DEADLINE, () -> LoopbackHttp.answers200(uri.resolve("/-/ready"))
                        && LoopbackHttp.get(uri.resolve("/api/v2/status")).contains("\"status\":\"ready\""));
        return new AlertmanagerServer(daemon, uri);
    }

    /** Return the base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        return uri;
    }

    /** Push one firing alert with these labels through {@code POST /api/v2/alerts}, ending in an hour. */
    public AlertmanagerServer fire(Map<String, String> labels) {
        String json = "[{\"labels\":{" + pairs(labels) + "},\"annotations\":{\"summary\":\"pushed by a test\"},"
                + "\"startsAt\":\"" + Instant.now().minusSeconds(60) + "\",\"endsAt\":\"" + Instant.now().plusSeconds(3600)
                + "\"}]";
        LoopbackHttp.postJson(uri.resolve("/api/v2/alerts"), json);
        return this;
    }

    /** Silence alerts whose label equals a value for an hour through {@code POST /api/v2/silences}. */
    public AlertmanagerServer silence(String label, String value) {
        String json = "{\"matchers\":[{\"name\":\"" + label + "\",\"value\":\"" + value + "\",\"isRegex\":false,"
                + "\"isEqual\":true}],\"startsAt\":\"" + Instant.now() + "\",\"endsAt\":\""
                + Instant.now().plusSeconds(3600) + "\",\"createdBy\":\"test\",\"comment\":\"planned maintenance\"}";
        LoopbackHttp.postJson(uri.resolve("/api/v2/silences"), json);
        return this;
    }

    /** Wait until Alertmanager lists this many alerts in any state (it applies silences as it stores them). */
    public AlertmanagerServer awaitAlerts(int count) {
        long giveUp = System.nanoTime() + READY_DEADLINE.toNanos();
        while (countOf(LoopbackHttp.get(uri.resolve("/api/v2/alerts"))) < count) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("Alertmanager did not list " + count + " alerts:\n" + daemon.log());
            }
            Daemon.sleep(Duration.ofMillis(100));
        }
        return this;
    }

    private static int countOf(String alertsJson) {
        return alertsJson.split("\"fingerprint\"", -1).length - 1;
    }

    private static String pairs(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(","));
    }

    @Override
    public void close() {
        daemon.close();
    }
}
