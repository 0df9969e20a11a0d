package org.runbookunit.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Write the Prometheus and Alertmanager configuration of seed 003's monitoring stack into a folder. */
final class MonitoringFiles {

    /** The API's error ratio over the last minute; 0 when nothing failed (no 5xx series yet). */
    static final String ERROR_RATIO = "(sum(rate(http_requests_total{job=\"signal-harvester\",status=~\"5..\"}[1m])) "
            + "or vector(0)) / sum(rate(http_requests_total{job=\"signal-harvester\"}[1m]))";

    private MonitoringFiles() {
    }

    static void write(Path folder, int apiPort, int nodeExporterPort, int alertmanagerPort) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("prometheus.yml"), String.join("\n",
                "global: { scrape_interval: 1s, evaluation_interval: 1s }",
                "rule_files: [ rules.yml ]",
                "alerting:",
                "  alertmanagers:",
                "    - static_configs: [ { targets: [ '127.0.0.1:" + alertmanagerPort + "' ] } ]",
                "scrape_configs:",
                "  - job_name: signal-harvester",
                "    scrape_timeout: 1s",
                "    metrics_path: /metrics/prometheus",
                "    static_configs: [ { targets: [ '127.0.0.1:" + apiPort + "' ] } ]",
                "  - job_name: node",
                "    scrape_timeout: 1s",
                "    static_configs: [ { targets: [ '127.0.0.1:" + nodeExporterPort + "' ] } ]", ""));
        Files.writeString(folder.resolve("rules.yml"), String.join("\n",
                "groups:",
                "  - name: signal-harvester",
                "    rules:",
                "      - record: job:http_error_ratio:rate1m",
                "        expr: " + ERROR_RATIO.replace("\"", "\\\"").transform(expr -> "\"" + expr + "\""),
                "      - alert: SignalHarvesterDown",
                "        expr: up{job=\"signal-harvester\"} == 0",
                "        for: 5s",
                "        labels: { severity: critical }",
                "      - alert: HighErrorRate",
                "        expr: job:http_error_ratio:rate1m > 0.01",
                "        for: 1m",
                "        labels: { severity: warning }",
                "      - alert: SchedulerStalled",
                "        expr: increase(harvest_pipeline_heartbeats_total[30s]) == 0",
                "        for: 30s",
                "        labels: { severity: warning }", ""));
        Files.writeString(folder.resolve("alertmanager.yml"), String.join("\n",
                "route: { receiver: ops, group_wait: 0s }",
                "receivers:",
                "  - name: ops",
                "inhibit_rules:",
                "  - source_matchers: [ severity=critical ]",
                "    target_matchers: [ severity=warning ]",
                "    equal: [ job ]", ""));
    }
}
